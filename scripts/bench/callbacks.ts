// WeCom callbacks against a production MeetBridge (BENCH_BASE_URL) and its simulator
// (BENCH_SIM_URL) on DATABASE_URL: 1,000 distinct sealed meeting_change events POSTed at
// once to the booking app's callback URL. Prints every acknowledgement's time (WeCom
// drops a delivery after 5 s), whether each event was processed exactly once, the
// get_info calls they cost, and the time from POST to the updated meeting row for the
// modify_meeting events. Meetings are created in the simulator and written straight
// into the database (no booking flow), then changed "by a member" in the simulator.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { sealAppSecret } from "../../lib/crypto/app-secret.ts";
import { createDb } from "../../lib/db/client.ts";
import { createWecomClient } from "../../lib/wecom/client.ts";
import { sealCallback } from "../../lib/wecom/callback-crypto.ts";
import { MemoryCallLog } from "../../lib/wecom/store/memory-call-log.ts";
import { MemoryTokenStore } from "../../lib/wecom/store/memory-token-store.ts";
import { SIM_APPS } from "../../lib/wecom/simulator/seed-data.ts";
import { credentialsFor } from "../../lib/wecom/testing/sim-harness.ts";
import { DEMO_TENANT_SLUG } from "../../prisma/seed/demo.ts";
import { summary } from "./stats.ts";

const BASE = process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3201";
/** Connections open at once: a thousand simultaneous connects overflow the listen backlog
 * (511), which is a test of the kernel, not of MeetBridge; WeCom's retries come spread. */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

/** POSTs; the status and the time from a connection taking the request to the answer. */
function postXml(url: string, body: string): Promise<{ status: number; wireMs: number }> {
  return new Promise((resolve, reject) => {
    let onWire = 0;
    const req = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "text/xml" } },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, wireMs: performance.now() - onWire }),
        );
      },
    );
    req.on("socket", () => (onWire = performance.now()));
    req.on("error", reject);
    req.end(body);
  });
}
const SIM = process.env.BENCH_SIM_URL ?? "http://127.0.0.1:3299";
const N = Number(process.env.BENCH_EVENTS ?? 1000);
const MODIFY = Math.round(N * 0.6);
const START = Math.round(N * 0.2);

const db = createDb();
const simApp = SIM_APPS.find((a) => a.name === "会议助手")!;
const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
const app = await db.app.findFirstOrThrow({
  where: { tenantId: tenant.id, name: simApp.name },
  include: { corp: true },
});
const keys = {
  token: randomBytes(12).toString("hex"),
  encodingAesKey: randomBytes(32).toString("base64").slice(0, 43),
};
await db.app.update({
  where: { id: app.id },
  data: {
    callbackTokenEnc: sealAppSecret(app, "callbackTokenEnc", keys.token),
    callbackAesKeyEnc: sealAppSecret(app, "callbackAesKeyEnc", keys.encodingAesKey),
  },
});
const admin = await db.mapping.findFirstOrThrow({
  where: { tenantId: tenant.id, corpRowId: app.corpRowId, wecomUserId: "lihua" },
});

async function limited<T>(items: T[], limit: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

// 1. N meetings in WeCom (the simulator) and in MeetBridge's database.
const client = createWecomClient(credentialsFor(simApp, `${SIM}/cgi-bin/`), {
  tokens: new MemoryTokenStore(),
  callLog: new MemoryCallLog(),
});
const run = Date.now().toString(36);
const startSec = Math.ceil(Date.now() / 1000 / 3600) * 3600 + 86_400;
const ids: string[] = new Array<string>(N);
let t0 = performance.now();
await limited([...Array(N).keys()], 8, async (i) => {
  const r = await client.createMeeting({
    adminUserId: "lihua",
    title: `cb-${run}-${i}`,
    meetingStart: startSec + (i % 48) * 1800,
    meetingDuration: 1800,
  });
  ids[i] = r.meetingId;
});
for (let i = 0; i < N; i += 500)
  await db.meeting.createMany({
    data: ids.slice(i, i + 500).map((wecomMeetingId, k) => ({
      tenantId: tenant.id,
      appId: app.id,
      wecomMeetingId,
      idempotencyKey: `bench-cb-${run}-${i + k}`,
      title: `cb-${run}-${i + k}`,
      startAt: new Date((startSec + ((i + k) % 48) * 1800) * 1000),
      durationSec: 1800,
      adminAccountId: admin.oaAccountId,
      adminUserId: "lihua",
      status: "booked" as const,
      syncState: "in_sync" as const,
      lastSyncedAt: new Date(),
    })),
  });
// The modify_meeting ones are renamed by a member in WeCom.
await limited(ids.slice(0, MODIFY), 8, async (id, i) => {
  const res = await fetch(`${SIM}/__sim/meetings/${id}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title: `renamed-${run}-${i}` }),
  });
  if (!res.ok) throw new Error(`simulator rename: HTTP ${res.status}`);
});
const rows = await db.meeting.findMany({
  where: { appId: app.id, idempotencyKey: { startsWith: `bench-cb-${run}-` } },
  select: { id: true, wecomMeetingId: true },
});
const rowOf = new Map(rows.map((r) => [r.wecomMeetingId!, r.id]));
console.log(`setup: ${N} meetings in ${Math.round(performance.now() - t0)} ms`);

// 2. N distinct events, sealed, then POSTed at once.
const changeOf = (i: number) =>
  i < MODIFY ? "modify_meeting" : i < MODIFY + START ? "meeting_start" : "meeting_end";
const requests = ids.map((id, i) => {
  const message =
    `<xml><ToUserName><![CDATA[${app.corp.corpId}]]></ToUserName><FromUserName><![CDATA[lihua]]></FromUserName>` +
    `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
    `<Event><![CDATA[meeting_change]]></Event><ChangeType><![CDATA[${changeOf(i)}]]></ChangeType>` +
    `<MeetingId><![CDATA[${id}]]></MeetingId></xml>`;
  const sealed = sealCallback({ keys, receiverId: app.corp.corpId, message });
  return {
    url: `${BASE}/api/wecom/callback/${app.id}?${new URLSearchParams({ ...sealed.query })}`,
    body: sealed.body,
  };
});
const getInfo = async () =>
  ((await (await fetch(`${SIM}/__sim/requests?operation=meeting/get_info`)).json()) as unknown[])
    .length;
// One at a time first (also warms the server): what a single delivery waits for.
const single: number[] = [];
for (let i = 0; i < 20; i++) {
  const message = `<xml><ToUserName><![CDATA[${app.corp.corpId}]]></ToUserName><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[meeting_change]]></Event><ChangeType><![CDATA[add_member]]></ChangeType><MeetingId><![CDATA[warm-${run}-${i}]]></MeetingId></xml>`;
  const sealed = sealCallback({ keys, receiverId: app.corp.corpId, message });
  const t = performance.now();
  const res = await fetch(
    `${BASE}/api/wecom/callback/${app.id}?${new URLSearchParams({ ...sealed.query })}`,
    { method: "POST", body: sealed.body },
  );
  await res.text();
  single.push(performance.now() - t);
}
const one = summary(single.slice(5));
console.log(`one delivery at a time: p50 ${Math.round(one.p50)} ms, p95 ${Math.round(one.p95)} ms`);
await new Promise((r) => setTimeout(r, 1000));
const infosBefore = await getInfo();

const sentAt: number[] = new Array<number>(N);
const ackMs: number[] = new Array<number>(N);
/** From a connection taking the request (what WeCom's 5 s are measured from) to the answer. */
const wireMs: number[] = new Array<number>(N);
const statuses = new Map<number, number>();
const updatedAt = new Map<string, number>();
let polling = true;
// The modify_meeting rows, watched for their new title while the events are processed.
const watch = (async () => {
  const pending = new Set(ids.slice(0, MODIFY).map((id) => rowOf.get(id)!));
  const indexOf = new Map(ids.map((id, i) => [rowOf.get(id)!, i]));
  while (polling && pending.size) {
    // No id list in the query: SQLite allows 999 parameters.
    const done = await db.meeting.findMany({
      where: { appId: app.id, title: { startsWith: `renamed-${run}-` } },
      select: { id: true },
    });
    const now = performance.now();
    for (const d of done) {
      if (!pending.delete(d.id)) continue;
      updatedAt.set(d.id, now - sentAt[indexOf.get(d.id)!]!);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
})();

t0 = performance.now();
const benchStart = new Date();
await Promise.all(
  requests.map(async (r, i) => {
    sentAt[i] = performance.now();
    const { status, wireMs: w } = await postXml(r.url, r.body);
    wireMs[i] = w;
    ackMs[i] = performance.now() - sentAt[i]!;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }),
);
const allAcked = performance.now() - t0;

// 3. Until every event is processed (or two minutes).
const deadline = Date.now() + 120_000;
let open = N;
while (Date.now() < deadline) {
  open = await db.callbackEvent.count({
    where: {
      appId: app.id,
      receivedAt: { gte: benchStart },
      OR: [{ processedAt: null }, { outcome: "processing" }],
    },
  });
  if (open === 0) break;
  await new Promise((r) => setTimeout(r, 100));
}
const allProcessed = performance.now() - t0;
polling = false;
await watch;

const events = await db.callbackEvent.findMany({
  where: { appId: app.id, receivedAt: { gte: benchStart } },
  select: { outcome: true, deliveries: true },
});
const outcomes: Record<string, number> = {};
for (const e of events) outcomes[e.outcome ?? "none"] = (outcomes[e.outcome ?? "none"] ?? 0) + 1;
const audits = await db.auditEvent.groupBy({
  by: ["objectId"],
  where: { source: "callback", createdAt: { gte: benchStart } },
  _count: { _all: true },
});
const onceEach = audits.filter((a) => a._count._all === 1).length;
const infos = (await getInfo()) - infosBefore;

const ack = summary(ackMs);
const wire = summary(wireMs);
const upd = summary([...updatedAt.values()]);
const ms = (v: number) => `${Math.round(v)} ms`;
console.log(
  `${N} events POSTed at once over ${CONNECTIONS} connections: HTTP ${JSON.stringify(Object.fromEntries(statuses))}`,
);
console.log(
  `issued → answer: p50 ${ms(ack.p50)}, p95 ${ms(ack.p95)}, max ${ms(Math.max(...ackMs))}; over 5 s: ${ackMs.filter((v) => v >= 5000).length}; all acknowledged after ${ms(allAcked)}`,
);
console.log(
  `on the wire → answer: p50 ${ms(wire.p50)}, p95 ${ms(wire.p95)}, max ${ms(Math.max(...wireMs))}; over 5 s: ${wireMs.filter((v) => v >= 5000).length}`,
);
console.log(
  `processed: ${events.length} events stored (deliveries ${events.reduce((s, e) => s + e.deliveries, 0)}), outcomes ${JSON.stringify(outcomes)}, unprocessed ${open}; all processed after ${ms(allProcessed)}`,
);
console.log(
  `exactly once: ${onceEach} of ${N} meetings have exactly one callback audit event (${audits.length} have any)`,
);
console.log(
  `get_info calls: ${infos} for ${MODIFY} modify_meeting + ${START} meeting_start + ${N - MODIFY - START} meeting_end events`,
);
console.log(
  `POST → updated row (modify_meeting, ${upd.n} of ${MODIFY}): p50 ${ms(upd.p50)}, p95 ${ms(upd.p95)}`,
);

// 4. Through the simulator, as WeCom sends them: it seals each event itself, keeps at most
// its cap of requests on the wire, counts 5 s from sending and retries a late answer.
const simPost = async (path: string, body: unknown) => {
  const res = await fetch(`${SIM}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
};
await simPost("/__sim/callbacks", {
  app: simApp.key,
  url: `${BASE}/api/wecom/callback/${app.id}`,
  token: keys.token,
  encoding_aes_key: keys.encodingAesKey,
});
const titleOf = async (id: string) =>
  (await db.meeting.findUniqueOrThrow({ where: { id }, select: { title: true } })).title;

// 4a. A member renames a meeting in WeCom, one at a time: event → updated row.
const oneByOne: number[] = [];
for (let i = 0; i < 30; i++) {
  const id = ids[MODIFY + START + (i % (N - MODIFY - START))]!;
  const title = `member-${run}-${i}`;
  const t = performance.now();
  await simPost(`/__sim/meetings/${id}`, { title });
  while ((await titleOf(rowOf.get(id)!)) !== title) {
    if (performance.now() - t > 30_000) throw new Error(`no update for ${id}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  oneByOne.push(performance.now() - t);
}
const single1 = summary(oneByOne.slice(5));
console.log(
  `simulator member change → updated row, one at a time (${single1.n}): p50 ${ms(single1.p50)}, p95 ${ms(single1.p95)}`,
);

// 4b. The simulator delivers N modify_meeting events at once (renamed quietly first).
// A second apart from 4a: an event carries no id, only its fields and a CreateTime in
// seconds, so the same member's change of the same meeting within one second reads as a
// retry of the first (WeCom's own dedupe rule); the periodic sync is what catches that.
await new Promise((r) => setTimeout(r, 1100));
await limited(ids, 8, async (id, i) => {
  await simPost(`/__sim/meetings/${id}`, { title: `burst-${run}-${i}`, notify: false });
});
const infosBurst = await getInfo();
const burstStart = performance.now();
const sent = (await simPost("/__sim/callbacks/send", {
  app: simApp.key,
  change_type: "modify_meeting",
  meetingids: ids,
  wait: true,
})) as { outcomes: string[]; attempts: { attempt: number; duration_ms: number | null }[] };
const burstAcked = performance.now() - burstStart;
let left = N;
while (left > 0 && performance.now() - burstStart < 120_000) {
  left =
    N -
    (await db.meeting.count({ where: { appId: app.id, title: { startsWith: `burst-${run}-` } } }));
  if (left > 0) await new Promise((r) => setTimeout(r, 50));
}
const burstDone = performance.now() - burstStart;
const firsts = sent.attempts.filter((a) => a.attempt === 1).map((a) => a.duration_ms ?? 5000);
const f = summary(firsts);
const okCount = sent.outcomes.filter((o) => o === "success").length;
const tally = sent.outcomes.reduce<Record<string, number>>(
  (m, o) => ((m[o] = (m[o] ?? 0) + 1), m),
  {},
);
console.log(
  `simulator sends ${N} events at once: outcomes ${JSON.stringify(tally)}, ` +
    `first attempts answered p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(Math.max(...firsts))}; ` +
    `retried: ${sent.attempts.filter((a) => a.attempt > 1).length}; all acknowledged after ${ms(burstAcked)}`,
);
console.log(
  `simulator burst: all ${N - left} rows updated after ${ms(burstDone)} (${okCount} delivered); get_info calls: ${(await getInfo()) - infosBurst}`,
);
agent.destroy();
await db.$disconnect();
