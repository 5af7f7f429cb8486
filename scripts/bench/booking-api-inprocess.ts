// POST /api/v1/meetings at concurrency 20 and one at a time, in-process (the Hono app as
// app/api/v1 mounts it, no Next.js server), against the simulator answering after
// BENCH_LATENCY_MS (default 100), beside a bare meeting/create through the WeCom client
// (not a test). Cheap to run on any commit, so two commits can be compared under the same
// machine load. On a throwaway SQLite file, or PostgreSQL with TEST_DATABASE_URL.
// Run: npx tsx --conditions=react-server scripts/bench/booking-api-inprocess.ts
import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { replaceProcessDb } from "@/lib/db/client.ts";
import { newApiKey } from "@/lib/api-keys/token.ts";
import { createTestDatabase } from "@/lib/testing/test-db.ts";
import { createWecomClient } from "@/lib/wecom/client.ts";
import { MemoryCallLog } from "@/lib/wecom/store/memory-call-log.ts";
import { MemoryTokenStore } from "@/lib/wecom/store/memory-token-store.ts";
import { SIM_APPS } from "@/lib/wecom/simulator/seed-data.ts";
import { credentialsFor, startSimHarness } from "@/lib/wecom/testing/sim-harness.ts";
import { percentile } from "./stats.ts";

const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);
const CONCURRENCY = 20;
const POSTS = Number(process.env.BENCH_API_POSTS ?? 100);
const SEQUENTIAL = 15;

async function load(
  total: number,
  concurrency: number,
  one: (i: number, w: number) => Promise<void>,
) {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = next++; i < total; i = next++) {
        const s = performance.now();
        await one(i, w);
        times.push(performance.now() - s);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** BENCH_CPU_PROFILE=<file.cpuprofile>: a V8 CPU profile of the concurrent POSTs alone. */
async function startProfile() {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

const sim = await startSimHarness();
const testDb = await createTestDatabase();
try {
  replaceProcessDb(testDb.db);
  const [{ seedDemo }, { createApiApp }, { systemActor }, { checkApp }] = await Promise.all([
    import("@/prisma/seed/demo.ts"),
    import("@/lib/api/app.ts"),
    import("@/lib/meetings/system-actor.ts"),
    import("@/lib/apps/check-app.ts"),
  ]);
  const db = testDb.db;
  const { tenantId } = await seedDemo(db, {
    simulatorBaseUrl: sim.sim.baseUrl,
    email: "bench@meetbridge.local",
    password: "bench-password",
    passwordCost: 4,
  });
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const app = await db.app.findFirstOrThrow({ where: { tenantId, name: "会议助手" } });
  await checkApp(systemActor(tenant).db, app.id, "zh-CN");
  const keys: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const k = newApiKey();
    await db.apiToken.create({
      data: {
        tenantId,
        name: `bench ${i}`,
        role: "admin",
        tokenHash: k.tokenHash,
        prefix: k.prefix,
      },
    });
    keys.push(k.key);
  }
  const api = createApiApp({ rateLimitPerMinute: 100_000 });
  const base = Math.ceil(Date.now() / 3_600_000) * 3600 + 10 * 86_400;
  const wall = (sec: number) => new Date((sec + 8 * 3600) * 1000).toISOString().slice(0, 16);
  const book = async (i: number, w: number) => {
    const res = await api.request("/api/v1/meetings", {
      method: "POST",
      headers: {
        authorization: `Bearer ${keys[w]}`,
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify({
        appId: app.id,
        adminJobNumber: "E1005",
        title: `进程内基准 ${i}`,
        start: wall(base + i * 1800),
        durationMin: 30,
        inviteeJobNumbers: ["E1006", "E1007"],
      }),
    });
    if (res.status !== 201) throw new Error(`booking ${i}: ${res.status} ${await res.text()}`);
  };
  await book(-1, 0); // the token, the JIT, the connection
  const simApp = SIM_APPS.find((a) => a.key === "meeting-assistant")!;
  const client = createWecomClient(credentialsFor(simApp, sim.sim.baseUrl), {
    tokens: new MemoryTokenStore(),
    callLog: new MemoryCallLog(1000),
    timeoutMs: 10_000,
  });
  await client.getAccessToken();
  const bare = (i: number) =>
    client
      .createMeeting({
        adminUserId: "lihua",
        title: `bare ${i}`,
        meetingStart: base + 200 * 86_400 + i * 1800,
        meetingDuration: 1800,
      })
      .then(() => undefined);

  await sim.setLatency(latencyMs);
  const profiler = await startProfile();
  let cpu = process.cpuUsage();
  const posts = await load(POSTS, CONCURRENCY, (i, w) => book(i, w));
  const postCpu = cpuMsSince(cpu) / POSTS;
  await profiler?.stop();
  cpu = process.cpuUsage();
  const bares = await load(POSTS, CONCURRENCY, (i) => bare(i));
  const bareCpu = cpuMsSince(cpu) / POSTS;
  const alone = await load(SEQUENTIAL, 1, (i, w) => book(POSTS + i, w));
  const bareAlone = await load(SEQUENTIAL, 1, (i) => bare(POSTS + i));
  const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`${testDb.provider}, simulator latency ${latencyMs} ms, in-process API`);
  console.log(
    `concurrency ${CONCURRENCY}: POST p50 ${posts.p50.toFixed(0)} ms, bare p50 ${bares.p50.toFixed(0)} ms: ${r(posts.p50, bares.p50)} (goal ≤ 2×)`,
  );
  console.log(
    `one at a time: POST p50 ${alone.p50.toFixed(0)} ms, bare p50 ${bareAlone.p50.toFixed(0)} ms: ${r(alone.p50, bareAlone.p50)} (goal ≤ 1.3×)`,
  );
  console.log(
    `CPU of this process (app, client and simulator) per request at concurrency ${CONCURRENCY}: POST ${postCpu.toFixed(1)} ms, bare create ${bareCpu.toFixed(1)} ms`,
  );
} finally {
  await testDb.drop();
  await sim.close();
}
process.exit(0);
