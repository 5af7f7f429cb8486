// The room picker's availability (not a test): the booking form asks, for a start and
// duration, which of the corp's rooms are free. 50 rooms, WeCom at 100 ms
// (the simulator's latency), each look cold (the short cache forgotten), measured as
// roomAvailability end to end, with the get_booking_info calls it made counted.
// Goal (issue 17): ≤ 300 ms with one WeCom call, not one per room.
// Run: npx tsx --conditions=react-server scripts/bench/rooms.ts
import { replaceProcessDb } from "@/lib/db/client.ts";
import { createTestDatabase } from "@/lib/testing/test-db.ts";
import { startSimHarness } from "@/lib/wecom/testing/sim-harness.ts";
import { summary } from "./stats.ts";

const LOOKS = Number(process.env.BENCH_LOOKS ?? 30);
const LATENCY_MS = Number(process.env.WECOM_SIM_LATENCY_MS ?? 100);

const sim = await startSimHarness();
const testDb = await createTestDatabase();
const control = (path: string, body: unknown) =>
  fetch(`${sim.sim.url}/__sim/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<unknown>);
try {
  replaceProcessDb(testDb.db);
  const [{ seedDemo }, { systemActor }, { checkApp }, { roomAvailability }, { forgetDayBookings }] =
    await Promise.all([
      import("@/prisma/seed/demo.ts"),
      import("@/lib/meetings/system-actor.ts"),
      import("@/lib/apps/check-app.ts"),
      import("@/lib/rooms/availability.ts"),
      import("@/lib/rooms/day-bookings.ts"),
    ]);
  // The demo's 12 rooms and 38 more: 50 in all, a third with a booking that day.
  await control("rooms", {
    rooms: Array.from({ length: 38 }, (_, i) => ({
      name: `基准会议室 ${i + 1}`,
      capacity: 4 + (i % 8) * 2,
      building: i % 2 ? "总部大厦" : "研发中心",
      floor: `${2 + (i % 6)}F`,
      equipment: [1, 4],
    })),
  });
  const db = testDb.db;
  const { tenantId } = await seedDemo(db, {
    simulatorBaseUrl: `${sim.sim.url}/cgi-bin/`,
    email: "bench@meetbridge.local",
    password: "bench-password",
    passwordCost: 4,
  });
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const actor = systemActor(tenant);
  const app = await db.app.findFirstOrThrow({ where: { tenantId, name: "会议助手" } });
  const check = await checkApp(actor.db, app.id, "zh-CN");
  const day = Math.floor(Date.now() / 1000) + 3 * 86_400;
  for (let room = 13; room <= 50; room += 3)
    await control("rooms/bookings", {
      meetingroom_id: room,
      start_time: day,
      end_time: day + 3600,
      booker: "zhangwei",
    });
  await control("latency", { ms: LATENCY_MS });
  const calls = async () =>
    (
      (await (
        await fetch(`${sim.sim.url}/__sim/requests?operation=oa/meetingroom/get_booking_info`)
      ).json()) as unknown[]
    ).length;
  const times: number[] = [];
  let rooms = 0;
  const before = await calls();
  for (let i = 0; i < LOOKS + 3; i++) {
    forgetDayBookings();
    const started = performance.now();
    const r = await roomAvailability(actor.db, {
      appId: app.id,
      start: day,
      end: day + 1800,
      timeZone: tenant.timeZone,
      locale: "zh-CN",
    });
    const elapsed = performance.now() - started;
    if (!r.ok) throw new Error(`availability refused: ${r.reason}`);
    rooms = r.rooms.length;
    if (i >= 3) times.push(elapsed); // the first few warm the token, the JIT and the pool
  }
  const perLook = ((await calls()) - before) / (LOOKS + 3);
  const s = summary(times);
  console.log(
    `room picker, ${rooms} rooms (${check?.rooms.rooms ?? 0} read by the app check), WeCom at ${LATENCY_MS} ms, cold: ` +
      `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n=${s.n}); get_booking_info per look: ${perLook}`,
  );
  forgetDayBookings();
  await roomAvailability(actor.db, {
    appId: app.id,
    start: day,
    end: day + 1800,
    timeZone: tenant.timeZone,
    locale: "zh-CN",
  });
  const warm: number[] = [];
  for (let i = 0; i < LOOKS; i++) {
    const started = performance.now();
    await roomAvailability(actor.db, {
      appId: app.id,
      start: day + i * 60,
      end: day + 1800 + i * 60,
      timeZone: tenant.timeZone,
      locale: "zh-CN",
    });
    warm.push(performance.now() - started);
  }
  const w = summary(warm);
  console.log(
    `room picker, same day again within the cache's 15 s: p50 ${w.p50.toFixed(1)} ms, p95 ${w.p95.toFixed(1)} ms`,
  );
} finally {
  await testDb.drop();
  await sim.close();
}
process.exit(0);
