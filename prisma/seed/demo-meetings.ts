// The demo comes up ready to book: every app of the demo tenant checked against the
// simulator, and a few meetings booked through lib/meetings exactly as the booking form
// books them (one of them left needing reconciliation, as after a lost WeCom answer).
// Idempotent: each booking has a fixed idempotency key, so a second run books nothing.
import { TZDate } from "@date-fns/tz";
import { checkApp } from "../../lib/apps/check-app.ts";
import type { Db } from "../../lib/db/client.ts";
import { bookMeeting } from "../../lib/meetings/book-meeting.ts";
import { systemActor } from "../../lib/meetings/system-actor.ts";
import { defaultBookingValues, type BookingValues } from "../../lib/schemas/booking.ts";
import { formatWallClock } from "../../lib/schemas/wall-clock.ts";
import { DEMO_TENANT_SLUG } from "./demo.ts";

interface DemoBooking {
  key: string;
  admin: string;
  invitees: string[];
  /** Days from today and the wall-clock time, in the tenant's zone. */
  at: (today: TZDate) => TZDate;
  values: Partial<BookingValues>;
  /** Leave it as if WeCom's answer had been lost. */
  lost?: boolean;
}

const job = (n: number) => `E${1000 + n}`;
const RD = Array.from({ length: 9 }, (_, i) => job(6 + i)); // 研发部 but its director

const day = (today: TZDate, plus: number, h: number, m: number) =>
  new TZDate(
    today.getFullYear(),
    today.getMonth(),
    today.getDate() + plus,
    h,
    m,
    0,
    today.timeZone,
  );

const BOOKINGS: DemoBooking[] = [
  {
    key: "demo-weekly-rd",
    admin: job(5),
    invitees: RD,
    at: (t) => day(t, (8 - t.getDay()) % 7 || 7, 10, 0),
    values: {
      title: "研发部周例会",
      durationMin: 60,
      isRepeat: true,
      repeatType: 1,
      remindBefore: [900],
    },
  },
  {
    key: "demo-product-review",
    admin: job(15),
    invitees: [job(16), job(17), job(5)],
    at: (t) => day(t, 1, 14, 0),
    values: {
      title: "产品评审会",
      durationMin: 90,
      location: "3号会议室",
      password: "2468",
      enableWaitingRoom: true,
      description: "评审 MeetBridge 2.0 的需求与交互稿。",
    },
  },
  {
    key: "demo-monthly-review",
    admin: job(1),
    invitees: [job(2), job(3), job(21), job(15), job(5)],
    at: (t) => day(t, 3, 9, 30),
    values: {
      title: "月度经营分析会",
      durationMin: 120,
      isRepeat: true,
      repeatType: 2,
      remindBefore: [3600, 86400],
    },
  },
  {
    key: "demo-customer-call",
    admin: job(21),
    invitees: [job(22), job(23)],
    at: (t) => day(t, 2, 15, 0),
    values: { title: "客户方案沟通会", durationMin: 45 },
    lost: true,
  },
];

export async function seedDemoMeetings(db: Db, simulatorUrl: string): Promise<string[]> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  const actor = systemActor(tenant);
  const apps = await db.app.findMany({
    where: { tenantId: tenant.id },
    orderBy: { agentId: "asc" },
  });
  for (const app of apps) await checkApp(actor.db, app.id, "zh-CN");
  const bookingApp = await db.app.findFirstOrThrow({
    where: { tenantId: tenant.id, meetingPermission: "granted", kind: "self_built" },
  });
  const today = new TZDate(Date.now(), tenant.timeZone);
  const lines: string[] = [];
  for (const b of BOOKINGS) {
    const known = await db.meeting.findUnique({
      where: { tenantId_idempotencyKey: { tenantId: tenant.id, idempotencyKey: b.key } },
    });
    if (known) continue;
    const ids = async (jobs: string[]) =>
      (
        await db.oaAccount.findMany({ where: { tenantId: tenant.id, jobNumber: { in: jobs } } })
      ).map((a) => a.id);
    const [adminId] = await ids([b.admin]);
    if (b.lost) await injectLostAnswer(simulatorUrl);
    const result = await bookMeeting(actor, {
      ...defaultBookingValues(b.key),
      ...b.values,
      appId: bookingApp.id,
      adminId,
      inviteeIds: await ids(b.invitees),
      start: formatWallClock(Math.floor(b.at(today).getTime() / 1000), tenant.timeZone),
    });
    lines.push(
      `${b.values.title}: ${result.ok ? (result.needsReconciliation ? "needs reconciliation" : "booked") : JSON.stringify(result)}`,
    );
  }
  return lines;
}

/** The simulator fails the next create before acting on it, with no errcode (HTTP 500). */
async function injectLostAnswer(simulatorUrl: string): Promise<void> {
  const res = await fetch(new URL("/__sim/faults", simulatorUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operation: "meeting/create", crash: "before" }),
  });
  if (!res.ok) throw new Error(`could not inject the demo's lost answer: ${res.status}`);
}
