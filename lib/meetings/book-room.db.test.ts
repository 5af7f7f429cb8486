// A room with the meeting, end to end on a real database against the simulator over
// HTTP: book_by_meeting after meeting/create (never a second create), the days a series
// could not have the room, a room that cannot be booked leaving the meeting booked with
// the reason, the retry, cancel_book on cancel, and the picker's availability from ONE
// get_booking_info for every room of the day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

let h: MeetingHarness;
// Imported once the harness has pointed the database at the test's (as h.meetings is).
let rooms: typeof import("@/lib/rooms/availability");
let days: typeof import("@/lib/rooms/day-bookings");
beforeAll(async () => {
  h = await startMeetingHarness();
  rooms = await import("@/lib/rooms/availability");
  days = await import("@/lib/rooms/day-bookings");
});
afterAll(async () => {
  await h?.close();
});

interface SimBooking {
  booking_id: string;
  meetingroom_id: number;
  meetingid?: string;
  schedules: { start_time: number; status: number }[];
}
const simBookings = async () =>
  ((await h.control("GET", "/__sim/rooms")) as { bookings: SimBooking[] }).bookings;
const row = (id: string) => h.db.meeting.findUniqueOrThrow({ where: { id } });
const DAY = 86_400;

describe(`a room with the meeting (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("the app check read the corp's rooms", async () => {
    const rooms = await h.db.meetingRoom.findMany({ where: { tenantId: h.tenant.id } });
    expect(rooms.length).toBe(12);
    expect(rooms.find((r) => r.name === "董事会议室")?.needApproval).toBe(true);
    const app = await h.db.app.findUniqueOrThrow({ where: { id: h.appId } });
    expect(app.roomPermission).toBe("granted");
  });

  it("books the room after the meeting, and shows it taken by that meeting", async () => {
    const v = h.booking("带会议室", {}, 3 * 24 * 60);
    const r = await h.meetings.bookMeetingWithRoom(h.actor(), v, 3);
    expect(r.ok && r.room).toMatchObject({ ok: true, roomId: 3, conflicts: [] });
    if (!r.ok) throw new Error("not booked");
    const m = await row(r.meetingId);
    expect(m.roomBookingId).toBeTruthy();
    expect((await simBookings()).find((b) => b.booking_id === m.roomBookingId)).toMatchObject({
      meetingroom_id: 3,
      meetingid: m.wecomMeetingId,
    });
    const start = h.startSec(v);
    const seen = await rooms.roomAvailability(h.db as never, {
      appId: h.appId,
      start,
      end: start + 3600,
      timeZone: "Asia/Shanghai",
      locale: "zh-CN",
    });
    const room3 = seen.ok ? seen.rooms.find((x) => x.roomId === 3) : undefined;
    expect(room3).toMatchObject({ free: false, holders: [{ meeting: { id: m.id } }] });
  });

  it("a weekly series gets the room on every free day and names the day it was taken", async () => {
    const v = h.booking(
      "周会带会议室",
      { isRepeat: true, repeatType: 1, repeatInterval: 1 },
      2 * 24 * 60,
    );
    const start = h.startSec(v);
    const until = start + 21 * DAY;
    await h.control("POST", "/__sim/rooms/bookings", {
      meetingroom_id: 12,
      start_time: start + 7 * DAY,
      end_time: start + 7 * DAY + 3600,
      booker: "gaoyuan",
    });
    const r = await h.meetings.bookMeetingWithRoom(
      h.actor(),
      { ...v, repeatUntil: new Date((until + 8 * 3600) * 1000).toISOString().slice(0, 10) },
      12,
    );
    const taken = new Date((start + 7 * DAY + 8 * 3600) * 1000).toISOString().slice(0, 10);
    expect(r.ok && r.room).toMatchObject({ ok: true, conflicts: [taken] });
    if (!r.ok) throw new Error("not booked");
    expect((await row(r.meetingId)).roomConflicts).toEqual([taken]);
  });

  it("a room needing approval leaves the meeting booked, says why, and never books twice", async () => {
    const v = h.booking("审批会议室", {}, 4 * 24 * 60);
    const r = await h.meetings.bookMeetingWithRoom(h.actor(), v, 6);
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error("not booked");
    expect(r.room).toMatchObject({ ok: false, roomId: 6 });
    const m = await row(r.meetingId);
    expect(m.status).toBe("booked");
    expect(m.roomBookingId).toBeNull();
    expect(m.roomError).toMatch(/needs approval/);
    expect(await h.createsOf(v.title)).toHaveLength(1);
  });

  it("a taken room fails, and the retry books it once it is free; cancelling releases it", async () => {
    const v = h.booking("重试会议室", {}, 5 * 24 * 60);
    const start = h.startSec(v);
    const other = (await h.control("POST", "/__sim/rooms/bookings", {
      meetingroom_id: 10,
      start_time: start,
      end_time: start + 3600,
      booker: "gaoyuan",
    })) as { booking_id: string; schedules: { status: number }[] };
    const r = await h.meetings.bookMeetingWithRoom(h.actor(), v, 10);
    if (!r.ok) throw new Error("not booked");
    expect(r.room).toMatchObject({ ok: false });
    expect(r.room && !r.room.ok && r.room.reason).toMatch(/already booked/);

    // Booked elsewhere until someone frees it: here, the simulator's state by hand.
    await h.control("POST", "/__sim/rooms/bookings", {
      meetingroom_id: 10,
      start_time: start + 7200,
      end_time: start + 9000,
      booker: "gaoyuan",
    });
    const stillTaken = await h.meetings.retryMeetingRoom(h.actor(), r.meetingId);
    expect(stillTaken).toMatchObject({ ok: false });
    expect(other.booking_id).toBeTruthy();

    const v2 = h.booking("取消释放会议室", {}, 6 * 24 * 60);
    const r2 = await h.meetings.bookMeetingWithRoom(h.actor(), v2, 10);
    if (!r2.ok) throw new Error("not booked");
    const bookingId = (await row(r2.meetingId)).roomBookingId!;
    const cancelled = await h.meetings.cancelMeeting(h.actor(), r2.meetingId, {});
    expect(cancelled.ok).toBe(true);
    const b = (await simBookings()).find((x) => x.booking_id === bookingId)!;
    expect(b.schedules.every((s) => s.status === 1)).toBe(true);
    expect((await row(r2.meetingId)).roomBookingId).toBeNull();
  });

  it("the sync finds a room WeCom moved with the meeting when its room events were lost", async () => {
    const v = h.booking("同步会议室", {}, 11 * 24 * 60);
    const r = await h.meetings.bookMeetingWithRoom(h.actor(), v, 11);
    if (!r.ok) throw new Error("not booked");
    const before = await row(r.meetingId);
    // A member moves it in WeCom by two hours; no callback goes out.
    await h.control("POST", `/__sim/meetings/${before.wecomMeetingId}`, {
      meeting_start: h.startSec(v) + 7200,
      notify: false,
    });
    await h.meetings.syncMeeting(h.actor(), r.meetingId);
    days.forgetDayBookings();
    const tally = await h.meetings.syncMeetingRooms(h.actor());
    expect(tally.changed).toBeGreaterThanOrEqual(1);
    const after = await row(r.meetingId);
    const moved = (await simBookings()).find(
      (b) => b.meetingid === before.wecomMeetingId && b.schedules.some((x) => x.status === 0),
    )!;
    expect(after.roomBookingId).toBe(moved.booking_id);
    expect(after.roomBookingId).not.toBe(before.roomBookingId);
  });

  it("a booking past midnight is one holder, though both days' answers list it", async () => {
    days.forgetDayBookings();
    // 23:30–00:30 in Shanghai, ten days on.
    const midnight = (Math.floor((Date.now() / 1000 + 8 * 3600) / DAY) + 10) * DAY - 8 * 3600;
    await h.control("POST", "/__sim/rooms/bookings", {
      meetingroom_id: 5,
      start_time: midnight - 1800,
      end_time: midnight + 1800,
      booker: "gaoyuan",
    });
    const r = await rooms.roomAvailability(h.db as never, {
      appId: h.appId,
      start: midnight - 1800,
      end: midnight + 1800,
      timeZone: "Asia/Shanghai",
      locale: "zh-CN",
    });
    const room5 = r.ok ? r.rooms.find((x) => x.roomId === 5) : undefined;
    expect(room5).toMatchObject({ free: false });
    expect(room5?.holders).toEqual([
      expect.objectContaining({ start: midnight - 1800, end: midnight + 1800 }),
    ]);
  });

  it("the picker's availability for every room of a day is one get_booking_info", async () => {
    days.forgetDayBookings();
    const before = (await h.simRequests("oa/meetingroom/get_booking_info")).length;
    const start = Math.floor(Date.now() / 1000) + 9 * DAY;
    for (const minutes of [0, 30, 60]) {
      const r = await rooms.roomAvailability(h.db as never, {
        appId: h.appId,
        start: start + minutes * 60,
        end: start + minutes * 60 + 1800,
        timeZone: "Asia/Shanghai",
        locale: "zh-CN",
      });
      expect(r.ok ? r.rooms.length : r).toBe(12);
    }
    const after = (await h.simRequests("oa/meetingroom/get_booking_info")).length;
    // Three looks within the cache's life, at most two days (a slot past midnight): 1 or 2.
    expect(after - before).toBeLessThanOrEqual(2);
    expect(after - before).toBeGreaterThanOrEqual(1);
  });
});
