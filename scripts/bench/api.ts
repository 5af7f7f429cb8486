// The HTTP API under load (not a test): requests per second and p50/p99 of GET /meetings
// and POST /meetings at concurrency 20 against a running production MeetBridge and its
// simulator, and the bare simulator meeting/create at the same concurrency for the ratio
// (the simulator answers every call after BENCH_LATENCY_MS, default 100 ms: WeCom's
// usual round trip), and both one at a time. Each of the 20 workers is one flow with its own API key (the rate
// limit is per key). scripts/bench/run.sh starts the server and the simulator:
//   BENCH_BASE_URL (default http://127.0.0.1:3201), BENCH_SIM_URL (http://127.0.0.1:3299),
//   DATABASE_URL (the server's database, SQLite or PostgreSQL: the keys are written there)
// Goals (issue 16): one at a time ≤ 1.3× a bare create; at concurrency 20, p50 ≤ 2×.
import { randomUUID } from "node:crypto";
import { newApiKey } from "@/lib/api-keys/token.ts";
import { createDb } from "@/lib/db/client.ts";
import { createWecomClient } from "@/lib/wecom/client.ts";
import { MemoryCallLog } from "@/lib/wecom/store/memory-call-log.ts";
import { MemoryTokenStore } from "@/lib/wecom/store/memory-token-store.ts";
import { credentialsFor } from "@/lib/wecom/testing/sim-harness.ts";
import { SIM_APPS } from "@/lib/wecom/simulator/seed-data.ts";
import { DEMO_TENANT_SLUG } from "@/prisma/seed/demo.ts";
import { leanHttp } from "./lean-http.ts";
import { percentile } from "./stats.ts";

const base = (process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3201").replace(/\/$/, "");
const simUrl = (process.env.BENCH_SIM_URL ?? "http://127.0.0.1:3299").replace(/\/$/, "");
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);
const CONCURRENCY = 20;
const GETS = Number(process.env.BENCH_API_GETS ?? 1000);
const POSTS = Number(process.env.BENCH_API_POSTS ?? 200);
const SEQUENTIAL = 20;
// Steady state, not a cold start: the server's JIT (every worker's, under the launcher) and
// its caches warm on this many unmeasured bookings at concurrency 20 first, as the bare
// creates' client does on as many creates.
const WARMUP = Number(process.env.BENCH_API_WARMUP ?? 400);

async function setLatency(ms: number) {
  const res = await fetch(`${simUrl}/__sim/latency`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ms }),
  });
  if (!res.ok) throw new Error(`latency control: ${res.status}`);
}

/** `total` calls of `one` by `concurrency` workers; each call's ms and the wall time. */
async function load(
  total: number,
  one: (i: number, worker: number) => Promise<void>,
  concurrency = CONCURRENCY,
) {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = next++; i < total; i = next++) {
        const s = performance.now();
        await one(i, worker);
        times.push(performance.now() - s);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  times.sort((a, b) => a - b);
  return { rps: (total / wallMs) * 1000, p50: percentile(times, 50), p99: percentile(times, 99) };
}

const fmt = (r: { rps: number; p50: number; p99: number }) =>
  `${r.rps.toFixed(1).padStart(7)} req/s   p50 ${r.p50.toFixed(0).padStart(5)} ms   p99 ${r.p99
    .toFixed(0)
    .padStart(5)} ms`;

const db = createDb();
try {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  const keys: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const k = newApiKey();
    await db.apiToken.create({
      data: {
        tenantId: tenant.id,
        name: `bench flow ${i + 1}`,
        role: "admin",
        tokenHash: k.tokenHash,
        prefix: k.prefix,
      },
    });
    keys.push(k.key);
  }
  // The OA flows' side: a lean client, so the server keeps the cores it is measured on.
  const http = leanHttp(CONCURRENCY + 2);
  const call = async (worker: number, method: string, path: string, body?: unknown) => {
    const res = await http(`${base}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${keys[worker]}`,
        ...(body === undefined
          ? {}
          : { "content-type": "application/json", "idempotency-key": randomUUID() }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { status, text } = res;
    if (status < 200 || status > 299)
      throw new Error(`${method} ${path}: HTTP ${status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as { items?: { id: string; bookable?: boolean; name?: string }[] };
  };
  const apps = await call(0, "GET", "/apps");
  const app = apps.items!.find((a) => a.bookable && a.name === "会议助手")!;

  await setLatency(latencyMs);
  try {
    // Warm the server (first requests compile and connect) and the WeCom token.
    for (let w = 0; w < CONCURRENCY; w++) await call(w, "GET", "/meetings?limit=1");
    const startSec = Math.ceil(Date.now() / 1000 / 3600) * 3600 + 10 * 86_400;
    const wall = (sec: number) => new Date((sec + 8 * 3600) * 1000).toISOString().slice(0, 16);
    const book = (i: number, w: number) =>
      call(w, "POST", "/meetings", {
        appId: app.id,
        adminJobNumber: "E1005",
        title: `API 基准 ${i}`,
        start: wall(startSec + i * 1800),
        durationMin: 30,
        inviteeJobNumbers: ["E1006", "E1007"],
      });
    await book(-1, 0);
    await load(WARMUP, async (i, w) => {
      await book(-2 - i, w);
    });

    const gets = await load(GETS, async (_, w) => {
      await call(w, "GET", "/meetings?limit=25");
    });
    const posts = await load(POSTS, async (i, w) => {
      await book(i, w);
    });

    // One at a time: what the API adds to WeCom's round trips without queueing.
    const postsAlone = await load(
      SEQUENTIAL,
      async (i, w) => {
        await book(POSTS + i, w);
      },
      1,
    );

    const simApp = SIM_APPS.find((a) => a.key === "meeting-assistant")!;
    const client = createWecomClient(credentialsFor(simApp, `${simUrl}/cgi-bin/`), {
      tokens: new MemoryTokenStore(),
      callLog: new MemoryCallLog(1000),
      timeoutMs: 10_000,
    });
    await client.getAccessToken();
    await load(WARMUP, async (i) => {
      await client.createMeeting({
        adminUserId: "lihua",
        title: `bare warm-up ${i}`,
        meetingStart: startSec + 150 * 86_400 + i * 1800,
        meetingDuration: 1800,
      });
    });
    const bare = await load(POSTS, async (i) => {
      await client.createMeeting({
        adminUserId: "lihua",
        title: `bare ${i}`,
        meetingStart: startSec + (400 * 86_400) / 2 + i * 1800,
        meetingDuration: 1800,
      });
    });

    const bareAlone = await load(
      SEQUENTIAL,
      async (i) => {
        await client.createMeeting({
          adminUserId: "lihua",
          title: `bare alone ${i}`,
          meetingStart: startSec + 250 * 86_400 + i * 1800,
          meetingDuration: 1800,
        });
      },
      1,
    );

    console.log(
      `concurrency ${CONCURRENCY}, simulator latency ${latencyMs} ms, one API key per worker, ` +
        `after ${WARMUP} unmeasured bookings (and as many bare creates)`,
    );
    console.log(`GET  /api/v1/meetings (25 per page) ×${GETS}   ${fmt(gets)}`);
    console.log(`POST /api/v1/meetings (book)        ×${POSTS}    ${fmt(posts)}`);
    console.log(`bare simulator meeting/create       ×${POSTS}    ${fmt(bare)}`);
    console.log(
      `POST / bare meeting/create: p50 ${(posts.p50 / bare.p50).toFixed(2)}× (goal ≤ 2×), p99 ${(
        posts.p99 / bare.p99
      ).toFixed(2)}×`,
    );
    console.log(`one at a time (×${SEQUENTIAL}):`);
    console.log(`POST /api/v1/meetings (book)                ${fmt(postsAlone)}`);
    console.log(`bare simulator meeting/create              ${fmt(bareAlone)}`);
    console.log(
      `POST / bare meeting/create: p50 ${(postsAlone.p50 / bareAlone.p50).toFixed(2)}× ` +
        "(goal ≤ 1.3×: the code and link come with meeting/create's answer, no get_info)",
    );
  } finally {
    await setLatency(0);
  }
} finally {
  await db.$disconnect();
}
process.exit(0);
