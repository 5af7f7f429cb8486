// Conformance of the simulator's oa/meetingroom/* with wecom-meeting-api.md "Meeting
// rooms": self-built apps with the 会议室 permission only; list and filters;
// get_booking_info never across days; book_by_meeting for the app's own meetings, every
// occurrence of a series, conflict days named; book at least 30 minutes, on half hours;
// approval rooms refused; cancel_book whole or one day; bookinfo/get.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dayStartSec, localTimeSec } from "./rooms-data";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient, type WeComReply } from "./test-client";

const TZ = "Asia/Shanghai";
let sim: RunningSimulator;
let client: SimTestClient;
let token: string;
let now: number;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  client = new SimTestClient(sim);
});
beforeEach(async () => {
  await client.control("reset", { body: {} });
  token = await client.token();
  now = await client.now();
});
afterAll(() => sim.close());

/** Local hh:mm, `days` after today (Shanghai). */
const at = (days: number, hh: number, mm = 0) => localTimeSec(now, TZ, days, hh, mm);
const room = (op: string, body: unknown, t = token) => client.call(`oa/meetingroom/${op}`, body, t);

async function meeting(start: number, extra: Record<string, unknown> = {}, t = token) {
  const reply = await client.call(
    "meeting/create",
    {
      admin_userid: "zhangwei",
      title: "部门例会",
      meeting_start: start,
      meeting_duration: 3600,
      ...extra,
    },
    t,
  );
  expect(reply.errcode).toBe(0);
  return String(reply.meetingid);
}

async function schedules(roomId: number, day: number) {
  const reply = await room("get_booking_info", {
    meetingroom_id: roomId,
    start_time: at(day, 0),
    end_time: at(day + 1, 0),
  });
  expect(reply.errcode).toBe(0);
  const list = reply.booking_list as {
    schedule: { booking_id: string; start_time: number; status: number }[];
  }[];
  return list[0]!.schedule;
}

describe("who may call", () => {
  it("refuses third-party and 代开发 apps with 48002, saying rooms need a self-built app", async () => {
    for (const key of ["third-party", "custom-dev"] as const) {
      const reply = await room("list", {}, await client.token(key));
      expect(reply.errcode).toBe(48002);
      expect(reply.errmsg).toMatch(/self-built apps only/);
    }
  });

  it("refuses a self-built app until it is added to 会议室's apps, and serves it after", async () => {
    const t = await client.token("notice-bot");
    expect((await room("list", {}, t)).errcode).toBe(48002);
    await client.control("apps/notice-bot/rooms", { body: { enabled: true } });
    expect((await room("list", {}, t)).errcode).toBe(0);
    await client.control("apps/meeting-assistant/rooms", { body: { enabled: false } });
    expect((await room("list", {})).errcode).toBe(48002);
  });
});

describe("oa/meetingroom/list", () => {
  it("lists the demo corp's rooms in two buildings, a 10-seat one and one needing approval", async () => {
    const reply = await room("list", {});
    const rooms = reply.meetingroom_list as {
      name: string;
      building: string;
      capacity: number;
      need_approval: number;
      equipment: number[];
    }[];
    expect(rooms.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rooms.map((r) => r.building)).size).toBe(2);
    expect(rooms.some((r) => r.capacity === 10)).toBe(true);
    expect(rooms.filter((r) => r.need_approval === 1)).toHaveLength(1);
  });

  it("filters by building, floor and equipment, and refuses unknown fields", async () => {
    const reply = await room("list", { building: "研发中心", floor: "2F", equipment: [5] });
    expect((reply.meetingroom_list as { name: string }[]).map((r) => r.name)).toEqual(["北斗"]);
    expect((await room("list", { colour: "red" })).errcode).toBe(40058);
    expect((await room("list", { equipment: [9] })).errcode).toBe(40058);
  });
});

describe("get_booking_info", () => {
  it("shows the bookings made elsewhere today, and never answers across days", async () => {
    const today = await schedules(1, 0);
    expect(today.map((s) => s.start_time)).toEqual([at(0, 10), at(0, 15, 30)]);
    const across = await room("get_booking_info", { start_time: at(0, 20), end_time: at(1, 9) });
    expect(across.errcode).toBe(40058);
    expect(across.errmsg).toMatch(/more than one day/);
  });
});

describe("book_by_meeting", () => {
  it("books the room for the app's own meeting, and shows it as taken", async () => {
    const id = await meeting(at(1, 14));
    const reply = await room("book_by_meeting", {
      meetingroom_id: 3,
      meetingid: id,
      booker: "zhangwei",
    });
    expect(reply.errcode).toBe(0);
    expect(reply.conflict_date).toEqual([]);
    const s = await schedules(3, 1);
    expect(s).toEqual([
      expect.objectContaining({ booking_id: reply.booking_id, start_time: at(1, 14), status: 0 }),
    ]);
    const again = await room("book_by_meeting", {
      meetingroom_id: 2,
      meetingid: id,
      booker: "zhangwei",
    });
    expect(again.errmsg).toMatch(/already has a meeting room booking/);
  });

  it("refuses another app's meeting and a room needing approval", async () => {
    await client.control("apps/notice-bot/rooms", { body: { enabled: true } });
    const id = await meeting(at(1, 14));
    const other = await room(
      "book_by_meeting",
      { meetingroom_id: 3, meetingid: id, booker: "zhangwei" },
      await client.token("notice-bot"),
    );
    expect(other.errcode).toBe(40058);
    expect(other.errmsg).toMatch(/another app/);
    const approval = await room("book_by_meeting", {
      meetingroom_id: 6,
      meetingid: id,
      booker: "zhangwei",
    });
    expect(approval.errcode).toBe(40058);
    expect(approval.errmsg).toMatch(/needs approval/);
  });

  it("books every occurrence of a weekly series and names the day the room was taken", async () => {
    const taken = at(14, 10);
    await client.control("rooms/bookings", {
      body: { meetingroom_id: 1, start_time: taken, end_time: taken + 3600, booker: "gaoyuan" },
    });
    const id = await meeting(at(7, 10), {
      reminders: { is_repeat: 1, repeat_type: 1, repeat_until: at(28, 12) },
    });
    const reply = await room("book_by_meeting", {
      meetingroom_id: 1,
      meetingid: id,
      booker: "zhangwei",
    });
    expect(reply.errcode).toBe(0);
    expect(reply.conflict_date).toEqual([dayStartSec(taken, TZ)]);
    for (const day of [7, 21, 28]) {
      expect((await schedules(1, day)).some((s) => s.booking_id === reply.booking_id)).toBe(true);
    }
    expect((await schedules(1, 14)).some((s) => s.booking_id === reply.booking_id)).toBe(false);
  });

  it("refuses a one-off meeting whose room is taken then", async () => {
    const id = await meeting(at(0, 10) > now ? at(0, 10) : at(1, 16));
    const roomId = at(0, 10) > now ? 1 : 9;
    const reply = await room("book_by_meeting", {
      meetingroom_id: roomId,
      meetingid: id,
      booker: "zhangwei",
    });
    expect(reply.errcode).toBe(40058);
    expect(reply.errmsg).toMatch(/already booked/);
  });
});

describe("book", () => {
  it("rounds to half hours, needs 30 minutes, and refuses a taken room", async () => {
    const short = await room("book", {
      meetingroom_id: 3,
      start_time: at(2, 9),
      end_time: at(2, 9, 20),
      booker: "lihua",
    });
    expect(short.errmsg).toMatch(/at least 30 minutes/);
    const ok = await room("book", {
      meetingroom_id: 3,
      start_time: at(2, 9, 10),
      end_time: at(2, 9, 50),
      booker: "lihua",
    });
    expect(ok.errcode).toBe(0);
    expect((await schedules(3, 2))[0]).toMatchObject({ start_time: at(2, 9) });
    const clash = await room("book", {
      meetingroom_id: 3,
      start_time: at(2, 9, 30),
      end_time: at(2, 10, 30),
      booker: "lihua",
    });
    expect(clash.errmsg).toMatch(/already booked/);
    const approval = await room("book", {
      meetingroom_id: 6,
      start_time: at(2, 9),
      end_time: at(2, 10),
      booker: "lihua",
    });
    expect(approval.errmsg).toMatch(/needs approval/);
    const outside = await room("book", {
      meetingroom_id: 3,
      start_time: at(2, 14),
      end_time: at(2, 15),
      booker: "dengli",
    });
    expect(outside.errcode).toBe(60011);
  });
});

describe("cancel_book and bookinfo/get", () => {
  it("cancels one day of a series with cancel_date, then the whole booking", async () => {
    const id = await meeting(at(1, 8), {
      reminders: { is_repeat: 1, repeat_type: 0, repeat_until: at(3, 9) },
    });
    const booked = (await room("book_by_meeting", {
      meetingroom_id: 10,
      meetingid: id,
      booker: "zhangwei",
    })) as WeComReply & { booking_id: string };
    const info = await room("bookinfo/get", { meetingroom_id: 10, booking_id: booked.booking_id });
    expect(info.schedule).toMatchObject({
      booking_id: booked.booking_id,
      master_booking_id: booked.booking_id,
      start_time: at(1, 8),
      status: 0,
    });
    expect(
      (await room("cancel_book", { booking_id: booked.booking_id, cancel_date: at(2, 0) })).errcode,
    ).toBe(0);
    expect((await schedules(10, 2))[0]).toMatchObject({ status: 1 });
    expect((await schedules(10, 3))[0]).toMatchObject({ status: 0 });
    expect((await room("cancel_book", { booking_id: booked.booking_id })).errcode).toBe(0);
    expect((await schedules(10, 3))[0]).toMatchObject({ status: 1 });
    expect((await room("cancel_book", { booking_id: booked.booking_id })).errmsg).toMatch(
      /already cancelled/,
    );
  });

  it("refuses to cancel a booking made elsewhere", async () => {
    const elsewhere = (await schedules(1, 0))[0]!;
    const reply = await room("cancel_book", { booking_id: elsewhere.booking_id });
    expect(reply.errcode).toBe(40058);
  });
});
