// A third-party app books on its own calendar (api doc: "第三方应用必须指定cal_id"):
// bookMeeting and updateMeeting through the demo's 会议通 against the simulator, on a real
// database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { decodeMsg } from "@/lib/schemas/messages";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

let h: MeetingHarness;
let appId: string;

beforeAll(async () => {
  h = await startMeetingHarness();
  const app = await h.db.app.findFirstOrThrow({
    where: { tenantId: h.tenant.id, kind: "third_party" },
  });
  expect(app.meetingPermission).toBe("granted");
  appId = app.id;
});
afterAll(async () => {
  await h?.close();
});

const calendarAdds = async () => (await h.simRequests("oa/calendar/add")).length;
const storedCalId = async () =>
  (await h.db.app.findUniqueOrThrow({ where: { id: appId }, select: { calId: true } })).calId;
const book = (name: string) =>
  h.meetings.bookMeeting(h.actor(), h.booking(name, { appId }, 180 + Math.random() * 600));

describe(`a third-party app's calendar (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("is made once, by the first of two bookings at once, and named in every create", async () => {
    expect(await storedCalId()).toBeNull();
    const [a, b] = await Promise.all([book("日历甲"), book("日历乙")]);
    expect(a.ok && b.ok, JSON.stringify([a, b])).toBe(true);
    expect(await calendarAdds()).toBe(1);
    const calId = await storedCalId();
    expect(calId).toBeTruthy();
    const creates = (await h.simRequests("meeting/create")).filter((r) =>
      (r.body as { title?: string }).title?.startsWith("日历"),
    );
    expect(creates.map((r) => [r.errcode, (r.body as { cal_id?: string }).cal_id])).toEqual([
      [0, calId],
      [0, calId],
    ]);
    // A later booking uses the same calendar.
    expect((await book("日历丙")).ok).toBe(true);
    expect(await calendarAdds()).toBe(1);
  });

  it("names the calendar in an update too", async () => {
    const v = h.booking("日历改", { appId });
    const booked = await h.meetings.bookMeeting(h.actor(), v);
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    const row = await h.db.meeting.findUniqueOrThrow({ where: { id: booked.meetingId } });
    const result = await h.meetings.updateMeeting(
      h.actor(),
      row.id,
      { ...v, title: "日历改 新" },
      row.version,
    );
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const [update] = (await h.simRequests("meeting/update")).filter(
      (r) => (r.body as { meetingid?: string }).meetingid === row.wecomMeetingId,
    );
    expect(update?.body).toMatchObject({ title: "日历改 新", cal_id: await storedCalId() });
    expect(update?.errcode).toBe(0);
  });

  it("is made anew, and the booking sent once more, when WeCom no longer has it", async () => {
    const first = await book("日历前");
    expect(first.ok).toBe(true);
    const old = (await storedCalId())!;
    // Imported after the harness, so it uses the harness's database.
    const { meetingDeps } = await import("@/lib/meetings/deps");
    const client = await meetingDeps.clientFor(h.actor().db, appId);
    await client.deleteCalendar(old);
    const adds = await calendarAdds();

    const again = await book("日历后");
    expect(again.ok, JSON.stringify(again)).toBe(true);
    expect(await calendarAdds()).toBe(adds + 1);
    const fresh = await storedCalId();
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(old);
    const creates = (await h.simRequests("meeting/create")).filter((r) =>
      (r.body as { title?: string }).title?.startsWith("日历后"),
    );
    expect(creates.map((r) => [r.errcode, (r.body as { cal_id?: string }).cal_id])).toEqual([
      [40058, old],
      [0, fresh],
    ]);
  });

  it("without 日程接口权限: the check denies the app and says how to grant it; booking is refused", async () => {
    await h.control("POST", "/__sim/apps/third-party/calendar-permission", { granted: false });
    try {
      await h.db.app.update({ where: { id: appId }, data: { calId: null } });
      const { checkApp } = await import("@/lib/apps/check-app");
      const check = await checkApp(h.actor().db, appId, "zh-CN");
      expect(check).toMatchObject({ permission: "denied", calendar: "denied" });
      expect(check?.error).toContain("日程接口权限");
      expect(check?.error).toContain("服务商管理后台");

      // Booked anyway (a stale check): WeCom refuses the calendar, nothing is booked.
      await h.db.app.update({ where: { id: appId }, data: { meetingPermission: "granted" } });
      const v = h.booking("无日历权限", { appId });
      const refused = await h.meetings.bookMeeting(h.actor(), v);
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(String(decodeMsg(refused.fieldErrors.appId).params.text)).toContain("日程接口权限");
      expect(await h.db.meeting.findFirst({ where: { title: v.title } })).toBeNull();
    } finally {
      await h.control("POST", "/__sim/apps/third-party/calendar-permission", { granted: true });
    }
    const { checkApp } = await import("@/lib/apps/check-app");
    expect(await checkApp(h.actor().db, appId, "zh-CN")).toMatchObject({
      permission: "granted",
      calendar: "granted",
    });
  });
});
