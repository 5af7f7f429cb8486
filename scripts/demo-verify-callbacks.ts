// `npm run demo`, once MeetBridge answers: as WeCom's admin console does when a callback
// URL is saved, the simulator checks every callback it has (a GET with an encrypted
// echostr that MeetBridge must decrypt), so the demo's apps show their callbacks verified.
import { env } from "../lib/env.js";

const SIM = `http://${env.WECOM_SIM_HOST}:${env.WECOM_SIM_PORT}`;

interface Callbacks {
  apps: { app?: string }[];
  suites: { suite_id: string }[];
}

async function post(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${SIM}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

const list = (await (await fetch(`${SIM}/__sim/callbacks`)).json()) as Callbacks;
const receivers = [
  ...list.apps.flatMap((a) => (a.app ? [{ app: a.app }] : [])),
  ...list.suites.map((s) => ({ suite_id: s.suite_id })),
];
for (const receiver of receivers) {
  const r = (await post("/__sim/callbacks/verify", { ...receiver, wait: true })) as {
    outcomes?: string[];
  };
  console.log(`callback check ${JSON.stringify(receiver)}: ${r.outcomes?.join(", ")}`);
}
