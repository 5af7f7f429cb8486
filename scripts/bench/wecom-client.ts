// Benchmark of the WeCom client against the bundled simulator (not a test):
// - gettoken calls made by 1,000 concurrent meeting calls on a cold token cache;
// - calls per second sustained by meeting/get_info and meeting/create at concurrency 50.
// Bounded in count and time; prints plain figures and exits.
// Run: npx tsx --conditions=react-server scripts/bench/wecom-client.ts
import { createWecomClient, type WecomClient } from "@/lib/wecom/client.ts";
import { MemoryCallLog } from "@/lib/wecom/store/memory-call-log.ts";
import { MemoryTokenStore } from "@/lib/wecom/store/memory-token-store.ts";
import { startSimHarness, type SimHarness } from "@/lib/wecom/testing/sim-harness.ts";
import type { CreateMeetingInput } from "@/lib/wecom/types.ts";

const CONCURRENCY = 50;
const RUN_MS = 5_000;
const COLD_CALLS = 1_000;

function newClient(h: SimHarness): WecomClient {
  return createWecomClient(h.credentials("meeting-assistant"), {
    tokens: new MemoryTokenStore(),
    // Bounded so a long run cannot grow memory without limit.
    callLog: new MemoryCallLog(10_000),
    timeoutMs: 10_000,
  });
}

const booking = (i: number): CreateMeetingInput => ({
  adminUserId: "lihua",
  title: `bench ${i}`,
  meetingStart: Math.floor(Date.now() / 1000) + 86_400 + i,
  meetingDuration: 1800,
  inviteeUserIds: ["zhaolei"],
});

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function sustained(name: string, durationMs: number, call: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const end = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const i = next++;
        const t0 = performance.now();
        try {
          await call(i);
          latencies.push(performance.now() - t0);
        } catch {
          failures++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(18)} ${String(latencies.length).padStart(7)} ok  ${String(failures).padStart(4)} failed  ` +
      `${(latencies.length / seconds).toFixed(0).padStart(6)} calls/s  ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  (concurrency ${CONCURRENCY}, ${seconds.toFixed(1)} s)`,
  );
}

async function main(): Promise<void> {
  const h = await startSimHarness();
  try {
    const seedClient = newClient(h);
    const { meetingId } = await seedClient.createMeeting(booking(0));

    await h.clearRequests();
    const cold = newClient(h);
    const t0 = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: COLD_CALLS }, () => cold.getMeetingInfo(meetingId)),
    );
    const coldMs = performance.now() - t0;
    const gettokens = (await h.requests("gettoken")).length;
    const ok = results.filter((r) => r.status === "fulfilled").length;
    console.log(
      `cold cache         ${COLD_CALLS} concurrent get_info: ${ok} ok, ${gettokens} gettoken call(s), ${coldMs.toFixed(0)} ms in all`,
    );

    const warm = newClient(h);
    await warm.getAccessToken();
    await h.clearRequests();
    await sustained("meeting/get_info", RUN_MS, () => warm.getMeetingInfo(meetingId));
    await h.clearRequests();
    await sustained("meeting/create", RUN_MS / 2, (i) => warm.createMeeting(booking(i + 1)));
    await h.clearRequests();
  } finally {
    await h.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
