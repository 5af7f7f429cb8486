// A meeting's room: booked with WeCom's book_by_meeting after the meeting exists, never by
// booking the meeting again; released with cancel_book when the meeting is cancelled or
// its room or time changes. A room that cannot be booked leaves the meeting booked and
// says why ("会议已预约，会议室未预约：…"), with a retry on the meeting page.
import "server-only";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { forgetDayBookings } from "@/lib/rooms/day-bookings";
import { describeRoomFailure } from "@/lib/rooms/room-messages";
import { toWecomFailure, type WecomFailure } from "@/lib/wecom";
import { auditMeeting } from "./audit";
import { meetingDeps, type MeetingDeps } from "./deps";
import type { MeetingActor } from "./types";

export type RoomOutcome =
  | { ok: true; roomId: number; bookingId: string; conflicts: string[] }
  | { ok: false; roomId: number; reason: string };

const dayOf = (sec: number, timeZone: string) =>
  format(new TZDate(sec * 1000, timeZone), "yyyy-MM-dd");

/** The reason a room failure gives, in the actor's language. */
export function roomFailureReason(failure: WecomFailure, actor: MeetingActor, appName: string) {
  return describeRoomFailure(failure, actor.locale, appName);
}

/**
 * Books `roomId` for a booked meeting (every occurrence of a series). Refuses rooms that
 * need approval before asking WeCom, as WeCom would.
 */
export async function bookRoomForMeeting(
  actor: MeetingActor,
  meetingId: string,
  roomId: number,
  deps: MeetingDeps = meetingDeps,
): Promise<RoomOutcome> {
  const m = await actor.db.meeting.findFirstOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      appId: true,
      wecomMeetingId: true,
      adminUserId: true,
      roomBookingId: true,
      app: { select: { name: true, corpRowId: true } },
    },
  });
  const fail = async (failure: WecomFailure): Promise<RoomOutcome> => {
    await actor.db.meeting.update({
      where: { id: m.id },
      data: { roomId, roomBookingId: null, roomConflicts: [], roomError: JSON.stringify(failure) },
    });
    await auditMeeting(actor, m.id, "meeting.room_failed", { roomId });
    return { ok: false, roomId, reason: roomFailureReason(failure, actor, m.app.name) };
  };
  const room = await actor.db.meetingRoom.findFirst({
    where: { corpRowId: m.app.corpRowId, roomId },
  });
  if (!room || room.needApproval || !m.wecomMeetingId)
    return fail({
      kind: "wecom",
      errcode: 40058,
      errmsg: !room
        ? `no meeting room ${roomId}`
        : room.needApproval
          ? `meeting room ${room.name} needs approval`
          : "the meeting has no WeCom meetingid yet",
    });
  try {
    const client = await deps.clientFor(actor.db, m.appId);
    const r = await client.bookRoomByMeeting(
      { roomId, meetingId: m.wecomMeetingId, booker: m.adminUserId },
      { meetingId: m.id },
    );
    forgetDayBookings(m.appId);
    const conflicts = r.conflictDates.map((d) => dayOf(d, actor.timeZone));
    await actor.db.meeting.update({
      where: { id: m.id },
      data: { roomId, roomBookingId: r.bookingId, roomConflicts: conflicts, roomError: null },
    });
    await auditMeeting(actor, m.id, "meeting.room_booked", { roomId, room: room.name, conflicts });
    return { ok: true, roomId, bookingId: r.bookingId, conflicts };
  } catch (err) {
    return fail(toWecomFailure(err));
  }
}

/**
 * Cancels the meeting's room booking (the whole of it), if it has one. A failure is
 * kept on the meeting (roomError) and does not stop the caller: the meeting's own change
 * has happened, and the room can be released again from the meeting page.
 */
export async function releaseRoom(
  actor: MeetingActor,
  meetingId: string,
  opts: { keepRoom?: boolean } = {},
  deps: MeetingDeps = meetingDeps,
): Promise<{ released: boolean; reason?: string }> {
  const m = await actor.db.meeting.findFirstOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      appId: true,
      roomId: true,
      roomBookingId: true,
      app: { select: { name: true } },
    },
  });
  if (!m.roomBookingId) {
    if (!opts.keepRoom && m.roomId !== null)
      await actor.db.meeting.update({
        where: { id: m.id },
        data: { roomId: null, roomError: null },
      });
    return { released: false };
  }
  try {
    const client = await deps.clientFor(actor.db, m.appId);
    await client.cancelRoomBooking({ bookingId: m.roomBookingId }, { meetingId: m.id });
    forgetDayBookings(m.appId);
  } catch (err) {
    const failure = toWecomFailure(err);
    await actor.db.meeting.update({
      where: { id: m.id },
      data: { roomError: JSON.stringify(failure) },
    });
    return { released: false, reason: roomFailureReason(failure, actor, m.app.name) };
  }
  await actor.db.meeting.update({
    where: { id: m.id },
    data: {
      roomBookingId: null,
      roomConflicts: [],
      roomError: null,
      ...(opts.keepRoom ? {} : { roomId: null }),
    },
  });
  await auditMeeting(actor, m.id, "meeting.room_released", { roomId: m.roomId });
  return { released: true };
}

/**
 * Releases the room for one day of a series (cancel_book with cancel_date), for the
 * cancel of one occurrence. `occurrenceStartSec` is the occurrence's start; WeCom takes
 * the day it falls on. Not yet called: the occurrence cancel wires it in.
 */
export async function releaseRoomForDay(
  actor: MeetingActor,
  meetingId: string,
  occurrenceStartSec: number,
  deps: MeetingDeps = meetingDeps,
): Promise<{ released: boolean; reason?: string }> {
  const m = await actor.db.meeting.findFirstOrThrow({
    where: { id: meetingId },
    select: { id: true, appId: true, roomBookingId: true, app: { select: { name: true } } },
  });
  if (!m.roomBookingId) return { released: false };
  const day = new TZDate(occurrenceStartSec * 1000, actor.timeZone);
  day.setHours(0, 0, 0, 0);
  try {
    const client = await deps.clientFor(actor.db, m.appId);
    await client.cancelRoomBooking(
      { bookingId: m.roomBookingId, cancelDate: Math.floor(day.getTime() / 1000) },
      { meetingId: m.id },
    );
    await auditMeeting(actor, m.id, "meeting.room_released", {
      day: dayOf(occurrenceStartSec, actor.timeZone),
    });
    return { released: true };
  } catch (err) {
    return { released: false, reason: roomFailureReason(toWecomFailure(err), actor, m.app.name) };
  }
}

/** Edit: the room or the time changed: release the old booking, book the (new) room. */
export async function rebookRoom(
  actor: MeetingActor,
  meetingId: string,
  roomId: number | null,
  deps: MeetingDeps = meetingDeps,
): Promise<RoomOutcome | null> {
  const released = await releaseRoom(actor, meetingId, {}, deps);
  if (released.reason && roomId !== null) return { ok: false, roomId, reason: released.reason };
  return roomId === null ? null : bookRoomForMeeting(actor, meetingId, roomId, deps);
}
