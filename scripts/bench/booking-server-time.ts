// The server time MeetBridge adds to one booking (not a test): bookMeeting end to end
// against the simulator answering at once, minus the time of the WeCom create call itself
// (from its call-log row). On a throwaway SQLite file, or on a throwaway database of the
// PostgreSQL server named by TEST_DATABASE_URL (scripts/bench/run.sh runs both).
// Run: npx tsx --conditions=react-server scripts/bench/booking-server-time.ts
import { replaceProcessDb } from "@/lib/db/client.ts";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { startSimHarness } from "@/lib/wecom/testing/sim-harness.ts";
import { percentile } from "./stats.ts";

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 60);

async function measure(label: string, testDb: TestDatabase, simUrl: string) {
  // lib/meetings uses the process-wide client: point it at this database.
  replaceProcessDb(testDb.db);
  const [{ seedDemo }, { bookMeeting }, { systemActor }, { checkApp }, booking, wall] =
    await Promise.all([
      import("@/prisma/seed/demo.ts"),
      import("@/lib/meetings/book-meeting.ts"),
      import("@/lib/meetings/system-actor.ts"),
      import("@/lib/apps/check-app.ts"),
      import("@/lib/schemas/booking.ts"),
      import("@/lib/schemas/wall-clock.ts"),
    ]);
  const db = testDb.db;
  const { tenantId } = await seedDemo(db, {
    simulatorBaseUrl: `${simUrl}/cgi-bin/`,
    email: "bench@meetbridge.local",
    password: "bench-password",
    passwordCost: 4,
  });
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const actor = systemActor(tenant);
  const app = await db.app.findFirstOrThrow({ where: { tenantId, name: "会议助手" } });
  await checkApp(actor.db, app.id, "zh-CN");
  const accounts = await db.oaAccount.findMany({
    where: { tenantId, department: "研发部", mappings: { some: {} } },
    take: 6,
  });
  const [admin, ...invitees] = accounts;
  const added: number[] = [];
  const total: number[] = [];
  const base = Math.floor(Date.now() / 1000) + 86_400;
  for (let i = 0; i < BOOKINGS; i++) {
    const started = performance.now();
    const result = await bookMeeting(actor, {
      ...booking.defaultBookingValues(`bench-${label}-${i}-${Date.now()}`),
      appId: app.id,
      adminId: admin!.id,
      inviteeIds: invitees.map((a) => a.id),
      title: `基准测试 ${i}`,
      start: wall.formatWallClock(base + i * 3600, tenant.timeZone),
      durationMin: 30,
    });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`booking ${i} refused: ${JSON.stringify(result)}`);
    const call = await db.callLog.findFirstOrThrow({
      where: { meetingId: result.meetingId, operation: "meeting/create" },
    });
    if (i >= 5) {
      // the first few warm up the token cache, the JIT and the connection pool
      total.push(elapsed);
      added.push(elapsed - call.durationMs);
    }
  }
  const fmt = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms`;
  };
  console.log(
    `${label.padEnd(10)} added by MeetBridge: ${fmt(added)}   (whole booking: ${fmt(total)}, n=${added.length})`,
  );
}

const sim = await startSimHarness();
const testDb = await createTestDatabase();
try {
  await measure(testDb.provider === "sqlite" ? "SQLite" : "PostgreSQL", testDb, sim.sim.url);
} finally {
  await testDb.drop();
  await sim.close();
}
process.exit(0);
