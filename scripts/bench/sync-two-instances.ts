// Sync with two app instances on one database (not a test): books BENCH_MEETINGS
// meetings, then runs two processes with the background jobs (sync every
// BENCH_SYNC_INTERVAL s) side by side for BENCH_RUN_MS, and counts in the simulator's
// request log how often each meeting was read (get_info). Once per interval means each
// meeting is read about run / interval times, not twice that.
// Run on PostgreSQL: TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//   npx tsx --conditions=react-server scripts/bench/sync-two-instances.ts
import { spawn } from "node:child_process";
import { replaceProcessDb } from "@/lib/db/client.ts";
import { env } from "@/lib/env.js";
import { createTestDatabase } from "@/lib/testing/test-db.ts";
import { startSimHarness } from "@/lib/wecom/testing/sim-harness.ts";

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 30);
const INTERVAL_S = Number(process.env.BENCH_SYNC_INTERVAL ?? 3);
const RUN_MS = Number(process.env.BENCH_RUN_MS ?? 10_000);

const sim = await startSimHarness();
const testDb = await createTestDatabase();
try {
  replaceProcessDb(testDb.db);
  const { seedDemo } = await import("@/prisma/seed/demo.ts");
  const { checkApp } = await import("@/lib/apps/check-app.ts");
  const { bookMeeting } = await import("@/lib/meetings/book-meeting.ts");
  const { systemActor } = await import("@/lib/meetings/system-actor.ts");
  const { defaultBookingValues } = await import("@/lib/schemas/booking-values.ts");
  const { formatWallClock } = await import("@/lib/schemas/wall-clock.ts");
  const db = testDb.db;
  const { tenantId } = await seedDemo(db, {
    simulatorBaseUrl: sim.sim.baseUrl,
    email: "bench@meetbridge.local",
    password: "bench-password",
    passwordCost: 4,
  });
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const actor = systemActor(tenant);
  const app = await db.app.findFirstOrThrow({ where: { tenantId, name: "会议助手" } });
  await checkApp(actor.db, app.id, "zh-CN");
  const admin = await db.oaAccount.findFirstOrThrow({ where: { tenantId, jobNumber: "E1005" } });
  const base = Math.floor(Date.now() / 1000) + 86_400;
  for (let i = 0; i < MEETINGS; i++) {
    const r = await bookMeeting(actor, {
      ...defaultBookingValues(`sync-bench-${i}`),
      appId: app.id,
      adminId: admin.id,
      title: `同步基准 ${i}`,
      start: formatWallClock(base + i * 3600, tenant.timeZone),
      durationMin: 30,
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  // Synced once already (booking does not read get_info): make them all due now.
  await db.meeting.updateMany({ data: { lastSyncedAt: null } });
  await sim.clearRequests();

  const child = () =>
    new Promise<void>((resolve, reject) => {
      const p = spawn(
        "node_modules/.bin/tsx",
        ["--conditions=react-server", "scripts/bench/sync-instance.ts"],
        {
          stdio: "inherit",
          env: {
            PATH: process.env.PATH,
            NODE_ENV: "development",
            DATABASE_URL: testDb.url,
            MEETBRIDGE_ENCRYPTION_KEY: env.MEETBRIDGE_ENCRYPTION_KEY,
            AUTH_SECRET: env.AUTH_SECRET,
            MEETBRIDGE_WECOM_BASE_URLS: sim.sim.baseUrl,
            MEETBRIDGE_SYNC_INTERVAL_SECONDS: String(INTERVAL_S),
            MEETBRIDGE_JOBS_INTERVAL_SECONDS: "1",
            BENCH_RUN_MS: String(RUN_MS),
          },
        },
      );
      p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`instance exit ${code}`))));
    });
  await Promise.all([child(), child()]);

  const reads = await sim.requests("meeting/get_info");
  const perMeeting = new Map<string, number>();
  const all = (await (await fetch(`${sim.sim.url}/__sim/requests`)).json()) as {
    operation: string;
    time: string;
    body?: { meetingid?: string };
  }[];
  const infos = all.filter((r) => r.operation === "meeting/get_info" && r.body?.meetingid);
  for (const r of infos)
    perMeeting.set(r.body!.meetingid!, (perMeeting.get(r.body!.meetingid!) ?? 0) + 1);
  const counts = [...perMeeting.values()];
  // The shortest time between two reads of the same meeting: under an interval would mean
  // the two instances both read it in one round.
  const byMeeting = new Map<string, number[]>();
  for (const r of infos)
    byMeeting.set(r.body!.meetingid!, [
      ...(byMeeting.get(r.body!.meetingid!) ?? []),
      Date.parse(r.time),
    ]);
  let minGapS = Infinity;
  for (const ts of byMeeting.values())
    for (let i = 1; i < ts.length; i++) minGapS = Math.min(minGapS, (ts[i]! - ts[i - 1]!) / 1000);
  // The instances take a few seconds to start: count the intervals from the first read.
  const times = infos.map((r) => Date.parse(r.time));
  const spanS = (Math.max(...times) - Math.min(...times)) / 1000;
  const rounds = Math.floor(spanS / INTERVAL_S) + 1;
  console.log(
    `Two instances on one ${testDb.provider} database, ${MEETINGS} meetings, sync every ${INTERVAL_S} s, run ${RUN_MS / 1000} s:`,
  );
  console.log(
    `  get_info calls ${reads.length} over ${spanS.toFixed(1)} s (${rounds} sync intervals); meetings read ${perMeeting.size}/${MEETINGS}; reads per meeting min ${Math.min(...counts)}, max ${Math.max(...counts)} (at most one per interval: ≤ ${rounds}); shortest gap between two reads of one meeting ${minGapS.toFixed(1)} s (interval ${INTERVAL_S} s)`,
  );
} finally {
  await testDb.drop();
  await sim.close();
}
process.exit(0);
