// The clean stop under load (issue 19), not a unit test: a production MeetBridge (`next
// start`, NEXT_MANUAL_SIG_HANDLE=true, as npm run start) on its own SQLite file and
// simulator; a batch of bookings through the HTTP API while WeCom answers slowly; SIGTERM
// in the middle. Every booking MeetBridge accepted must end with its WeCom answer
// recorded (in_sync, a meetingid), none booked twice in WeCom, and the process must exit
// by itself within the bound. Needs a build (`next build`). Prints what it saw; exits 1
// on a failure.  CHECK_APP_PORT (3117), CHECK_SIM_PORT (3217), CHECK_LATENCY_MS (2000).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { openSync, rmSync } from "node:fs";
import { newApiKey } from "@/lib/api-keys/token.ts";
import { createDb } from "@/lib/db/client.ts";
import { DEMO_TENANT_SLUG } from "@/prisma/seed/demo.ts";

const APP = Number(process.env.CHECK_APP_PORT ?? 3117);
const SIM = Number(process.env.CHECK_SIM_PORT ?? 3217);
const LATENCY = Number(process.env.CHECK_LATENCY_MS ?? 2000);
const BOOKINGS = 12;
const file = ".data/clean-stop.db";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:./${file}`,
  PORT: String(APP),
  WECOM_SIM_PORT: String(SIM),
  AUTH_SECRET: "clean-stop-only-secret-clean-stop-only",
  MEETBRIDGE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  NEXT_MANUAL_SIG_HANDLE: "true",
  NODE_ENV: "production" as const,
};
const tsx = (script: string) => {
  const r = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", script], {
    env,
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error(`${script} failed`);
};
const up = async (url: string) => {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} never answered`);
};

for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(file + s, { force: true });
const children: ChildProcess[] = [];
let failed = false;
try {
  tsx("scripts/db-migrate.ts");
  tsx("prisma/seed.ts");
  const sim = spawn("node_modules/.bin/tsx", ["lib/wecom/simulator/main.ts"], {
    env,
    stdio: "ignore",
  });
  children.push(sim);
  await up(`http://127.0.0.1:${SIM}/__sim/seed`);
  tsx("scripts/demo-ready.ts");
  const db = createDb(env.DATABASE_URL);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  const k = newApiKey();
  await db.apiToken.create({
    data: {
      tenantId: tenant.id,
      name: "clean stop",
      role: "admin",
      tokenHash: k.tokenHash,
      prefix: k.prefix,
    },
  });
  const log = openSync(".data/clean-stop-server.log", "w");
  const app = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(APP)], {
    env,
    stdio: ["ignore", log, log],
  });
  children.push(app);
  const exited = new Promise<number | null>((r) => app.once("exit", (code) => r(code)));
  await up(`http://127.0.0.1:${APP}/api/health`);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${APP}/api/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${k.key}`,
        "content-type": "application/json",
        ...init.headers,
      },
    });
  const apps = (await (await api("/apps")).json()) as {
    items: { id: string; name: string; bookable: boolean }[];
  };
  const appId = apps.items.find((a) => a.bookable && a.name === "会议助手")!.id;
  await fetch(`http://127.0.0.1:${SIM}/__sim/latency`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ms: LATENCY }),
  });
  const run = randomUUID().slice(0, 8);
  const startSec = Math.ceil(Date.now() / 3600_000) * 3600 + 9 * 86_400;
  const wall = (sec: number) => new Date((sec + 8 * 3600) * 1000).toISOString().slice(0, 16);
  const answers = Array.from({ length: BOOKINGS }, (_, i) =>
    api("/meetings", {
      method: "POST",
      headers: { "idempotency-key": `${run}-${i}` },
      body: JSON.stringify({
        appId,
        adminJobNumber: "E1005",
        title: `停机 ${run} ${i}`,
        start: wall(startSec + i * 1800),
        durationMin: 30,
      }),
    }).then(
      (r) => r.status,
      (e: Error) => `refused (${e.message})`,
    ),
  );
  // Late enough that every request is in (its WeCom answer still ~LATENCY/3 away).
  await new Promise((r) => setTimeout(r, (LATENCY * 2) / 3));
  const signalled = Date.now();
  app.kill("SIGTERM");
  const statuses = await Promise.all(answers);
  const code = await exited;
  const stopMs = Date.now() - signalled;

  const rows = await db.meeting.findMany({
    where: { title: { startsWith: `停机 ${run} ` } },
    select: { title: true, syncState: true, wecomMeetingId: true },
  });
  await fetch(`http://127.0.0.1:${SIM}/__sim/latency`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ms: 0 }),
  });
  const held = (
    (await (await fetch(`http://127.0.0.1:${SIM}/__sim/meetings`)).json()) as { title: string }[]
  ).filter((m) => m.title.startsWith(`停机 ${run} `));
  const titles = held.map((m) => m.title);
  console.log(`answers: ${statuses.join(", ")}`);
  console.log(`exit code ${code} after ${stopMs} ms; rows ${rows.length}, in WeCom ${held.length}`);
  const unanswered = rows.filter((r) => r.syncState !== "in_sync" || !r.wecomMeetingId);
  const twice = titles.filter((t, i) => titles.indexOf(t) !== i);
  const lost = statuses.filter((s) => s === 201).length !== rows.length;
  if (unanswered.length || twice.length || lost || code !== 0 || rows.length === 0) {
    failed = true;
    console.log(
      `FAILED: unanswered ${JSON.stringify(unanswered)}; twice ${JSON.stringify(twice)}; 201s ≠ rows: ${lost}`,
    );
  } else
    console.log("clean stop: every accepted booking has its WeCom answer recorded, none twice");
  await db.$disconnect();
} finally {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
}
process.exit(failed ? 1 : 0);
