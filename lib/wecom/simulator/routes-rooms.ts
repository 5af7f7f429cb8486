// oa/meetingroom/* (wecom-meeting-api.md "Meeting rooms"): self-built apps added under
// 应用管理 → 会议室 → 可调用接口的应用 only. The doc names no room errcode; the simulator
// reads it strictly (decision 019): 48002 for an app that may not use rooms (third-party,
// 代开发, or a self-built app not added), 40058 for every refused request (unknown room,
// booking or meeting; across days; under 30 minutes; a room needing approval; a taken
// room), 60111/60011 for a booker unknown or outside the app's visible range.
import type { Hono } from "hono";
import type { z } from "zod";
import type { Caller, Reply } from "./auth.js";
import { describeIssue } from "./meeting-schema.js";
import { occurrences } from "./meeting-view.js";
import { defineOperation, type OpContext, type SimEnv } from "./operation.js";
import { dayStartSec, type SimRoom } from "./rooms-data.js";
import {
  bookByMeetingSchema,
  bookInfoGetSchema,
  bookingInfoSchema,
  bookSchema,
  cancelBookSchema,
  listRoomsSchema,
} from "./rooms-schema.js";
import { findOwnMeeting, requireBooked } from "./routes-meeting.js";
import type { SimState } from "./state.js";
import { checkMember, invalid } from "./validate-meeting.js";

const HALF_HOUR = 1800;

/** Why an app may not call oa/meetingroom, or undefined when it may. */
export function roomRefusal(state: SimState, caller: Caller): Reply | undefined {
  const app = caller.app;
  if (app.kind !== "self_built") {
    return {
      errcode: 48002,
      errmsg: `api forbidden: the meeting room API is for self-built apps only; app ${app.agentId} (${app.name}) is ${app.kind === "custom" ? "a customised-development (代开发) app" : "a third-party app"}`,
    };
  }
  if (!state.rooms.roomApps.has(app.key)) {
    return {
      errcode: 48002,
      errmsg: `api forbidden: app ${app.agentId} (${app.name}) is not among the apps allowed to call the meeting room API (应用管理 → 会议室 → 可调用接口的应用)`,
    };
  }
  return undefined;
}

export function roomView(r: SimRoom) {
  return {
    meetingroom_id: r.meetingroom_id,
    name: r.name,
    capacity: r.capacity,
    city: r.city,
    building: r.building,
    floor: r.floor,
    equipment: r.equipment,
    need_approval: r.need_approval ? 1 : 0,
  };
}

type Handler<S extends z.ZodType> = (ctx: OpContext<"corp">, body: z.output<S>) => Reply;

function roomOperation<S extends z.ZodType>(
  app: Hono<SimEnv>,
  state: SimState,
  name: string,
  schema: S,
  handler: Handler<S>,
): void {
  defineOperation(app, state, {
    name: `oa/meetingroom/${name}`,
    method: "POST",
    auth: "corp",
    handler: (ctx) => {
      const refused = roomRefusal(state, ctx.caller);
      if (refused) return refused;
      const parsed = schema.safeParse(ctx.body, { reportInput: true });
      if (!parsed.success) return invalid(describeIssue(parsed.error));
      return handler(ctx, parsed.data);
    },
  });
}

function findRoom(state: SimState, caller: Caller, id: number): SimRoom | Reply {
  return (
    state.rooms.room(caller.corp.corpId, id) ??
    invalid(`invalid meetingroom_id: no meeting room ${id} in this corp`)
  );
}

const approvalRefusal = (room: SimRoom) =>
  invalid(
    `invalid meetingroom_id: meeting room ${room.meetingroom_id} (${room.name}) needs approval and cannot be booked through the API`,
  );

export function registerRoomRoutes(app: Hono<SimEnv>, state: SimState): void {
  roomOperation(app, state, "list", listRoomsSchema, ({ caller }, b) => {
    const list = state.rooms
      .roomsOf(caller.corp.corpId)
      .filter(
        (r) =>
          (b.city === undefined || r.city === b.city) &&
          (b.building === undefined || r.building === b.building) &&
          (b.floor === undefined || r.floor === b.floor) &&
          (b.equipment ?? []).every((e) => r.equipment.includes(e)),
      );
    return { errcode: 0, errmsg: "ok", meetingroom_list: list.map(roomView) };
  });

  roomOperation(app, state, "get_booking_info", bookingInfoSchema, ({ caller }, b) => {
    const tz = caller.corp.timeZone;
    const now = state.clock.nowSec();
    const start = b.start_time ?? Math.max(now, dayStartSec(b.end_time ?? now, tz));
    const end = b.end_time ?? dayStartSec(start, tz) + 86_400;
    if (end <= start) return invalid("invalid end_time: must be later than start_time");
    if (dayStartSec(start, tz) !== dayStartSec(end - 1, tz))
      return invalid("invalid start_time/end_time: a query cannot span more than one day");
    const rooms = state.rooms
      .roomsOf(caller.corp.corpId)
      .filter(
        (r) =>
          (b.meetingroom_id === undefined || r.meetingroom_id === b.meetingroom_id) &&
          (b.city === undefined || r.city === b.city) &&
          (b.building === undefined || r.building === b.building) &&
          (b.floor === undefined || r.floor === b.floor),
      );
    if (b.meetingroom_id !== undefined && rooms.length === 0)
      return invalid(`invalid meetingroom_id: no meeting room ${b.meetingroom_id} in this corp`);
    const slot = { start, end };
    const booking_list = rooms.map((r) => ({
      meetingroom_id: r.meetingroom_id,
      schedule: [...state.rooms.bookings.values()]
        .filter((bk) => bk.corpId === r.corpId && bk.meetingroom_id === r.meetingroom_id)
        .flatMap((bk) =>
          bk.schedules
            .filter((s) => s.start_time < slot.end && slot.start < s.end_time)
            .map((s) => ({
              booking_id: bk.booking_id,
              schedule_id: s.schedule_id,
              start_time: s.start_time,
              end_time: s.end_time,
              booker: bk.booker,
              status: s.status,
            })),
        )
        .sort((x, y) => x.start_time - y.start_time),
    }));
    return { errcode: 0, errmsg: "ok", booking_list };
  });

  roomOperation(app, state, "book_by_meeting", bookByMeetingSchema, ({ caller }, b) => {
    const room = findRoom(state, caller, b.meetingroom_id);
    if ("errcode" in room) return room;
    if (room.need_approval) return approvalRefusal(room);
    const m = findOwnMeeting(state, caller, b.meetingid);
    if ("errcode" in m) return m;
    const notBooked = requireBooked(state, caller, m, "given a meeting room");
    if (notBooked) return notBooked;
    const ctx = { state, app: caller.app, corp: caller.corp, now: state.clock.nowSec() };
    const badBooker = checkMember(ctx, b.booker, "booker");
    if (badBooker) return badBooker;
    if (state.rooms.bookingOfMeeting(m.meetingid))
      return invalid(
        `invalid meetingid: meeting ${m.meetingid} already has a meeting room booking; cancel_book it first`,
      );
    const slots = occurrences(m, caller.corp.timeZone)
      .filter((o) => !o.cancelled && o.start > ctx.now)
      .map((o) => ({ start: o.start, end: o.end }));
    const { booking, conflictDates } = state.rooms.bookSeries(
      room,
      slots,
      { booker: b.booker, subject: m.title, appKey: caller.app.key, meetingid: m.meetingid },
      caller.corp.timeZone,
    );
    if (!booking)
      return invalid(
        `invalid meetingroom_id: meeting room ${room.meetingroom_id} (${room.name}) is already booked at the meeting's time`,
      );
    state.changed();
    return {
      errcode: 0,
      errmsg: "ok",
      booking_id: booking.booking_id,
      conflict_date: conflictDates,
    };
  });

  roomOperation(app, state, "book", bookSchema, ({ caller }, b) => {
    const room = findRoom(state, caller, b.meetingroom_id);
    if ("errcode" in room) return room;
    if (room.need_approval) return approvalRefusal(room);
    const now = state.clock.nowSec();
    const ctx = { state, app: caller.app, corp: caller.corp, now };
    const badBooker = checkMember(ctx, b.booker, "booker");
    if (badBooker) return badBooker;
    // Rounded outwards to the half hour, as the WeCom client shows room slots.
    const start = Math.floor(b.start_time / HALF_HOUR) * HALF_HOUR;
    const end = Math.ceil(b.end_time / HALF_HOUR) * HALF_HOUR;
    if (b.end_time - b.start_time < HALF_HOUR)
      return invalid("invalid end_time: a booking lasts at least 30 minutes");
    if (b.end_time <= now) return invalid("invalid start_time: the booking must end in the future");
    const tz = caller.corp.timeZone;
    if (dayStartSec(start, tz) !== dayStartSec(end - 1, tz))
      return invalid("invalid start_time/end_time: a booking cannot span more than one day");
    const held = state.rooms.holder(room, { start, end });
    if (held)
      return invalid(
        `invalid meetingroom_id: meeting room ${room.meetingroom_id} (${room.name}) is already booked from ${held.schedule.start_time} to ${held.schedule.end_time}`,
      );
    const booking = state.rooms.add(room, [{ start, end }], {
      booker: b.booker,
      subject: b.subject ?? "",
      appKey: caller.app.key,
    });
    state.changed();
    return {
      errcode: 0,
      errmsg: "ok",
      booking_id: booking.booking_id,
      schedule_id: booking.schedules[0]!.schedule_id,
    };
  });

  roomOperation(app, state, "cancel_book", cancelBookSchema, ({ caller }, b) => {
    const booking = state.rooms.bookings.get(b.booking_id);
    if (!booking || booking.corpId !== caller.corp.corpId)
      return invalid(`invalid booking_id: no booking ${b.booking_id}`);
    if (booking.appKey !== caller.app.key)
      return invalid(
        `invalid booking_id: booking ${b.booking_id} was made by another app or elsewhere`,
      );
    const n = state.rooms.cancel(booking, caller.corp.timeZone, b.cancel_date);
    if (n === 0)
      return invalid(
        b.cancel_date === undefined
          ? `invalid booking_id: booking ${b.booking_id} is already cancelled`
          : `invalid cancel_date: booking ${b.booking_id} holds nothing on that day`,
      );
    state.changed();
    return { errcode: 0, errmsg: "ok" };
  });

  roomOperation(app, state, "bookinfo/get", bookInfoGetSchema, ({ caller }, b) => {
    const booking = state.rooms.bookings.get(b.booking_id);
    if (
      !booking ||
      booking.corpId !== caller.corp.corpId ||
      booking.meetingroom_id !== b.meetingroom_id
    )
      return invalid(
        `invalid booking_id: no booking ${b.booking_id} of meeting room ${b.meetingroom_id}`,
      );
    const now = state.clock.nowSec();
    const s =
      booking.schedules.find((x) => x.status === 0 && x.end_time > now) ??
      booking.schedules.at(-1)!;
    return {
      errcode: 0,
      errmsg: "ok",
      meetingroom_id: booking.meetingroom_id,
      schedule: {
        booking_id: booking.booking_id,
        master_booking_id: booking.schedules.length > 1 ? booking.booking_id : "",
        schedule_id: s.schedule_id,
        start_time: s.start_time,
        end_time: s.end_time,
        booker: booking.booker,
        status: s.status,
      },
    };
  });
}
