// WeCom's room events for an app's bookings (book_meeting_room / cancel_meeting_room,
// with MeetingRoomId and BookingId): when a member moves a meeting in WeCom, WeCom
// cancels its room booking and books the room again, and MeetBridge's record follows.
// Neither event names the meeting: a cancel is matched by booking id, a new booking by
// its room and its time against the meetings holding that room (read from WeCom first,
// since the meeting's own change event may not have been processed yet).
import "server-only";
import { forgetDayBookings } from "@/lib/rooms/day-bookings";
import { auditMeeting } from "./audit";
import { meetingDeps, type MeetingDeps } from "./deps";
import { refreshMeeting } from "./refresh-meeting";
import type { MeetingActor } from "./types";

export interface RoomEvent {
  kind: string;
  meetingRoomId: number | null;
  bookingId: string | null;
}

export async function applyRoomCallback(
  actor: MeetingActor,
  appId: string,
  event: RoomEvent,
  deps: MeetingDeps = meetingDeps,
): Promise<{ outcome: string }> {
  if (event.meetingRoomId === null || !event.bookingId) return { outcome: "recorded" };
  forgetDayBookings(appId);
  if (event.kind === "cancel_meeting_room") {
    const m = await actor.db.meeting.findFirst({
      where: { appId, roomBookingId: event.bookingId },
      select: { id: true },
    });
    if (!m) return { outcome: "unknown-booking" };
    // Only if it still holds that booking: the new booking's event may have been processed
    // first (events are processed independently), and must not be undone.
    await actor.db.meeting.updateMany({
      where: { id: m.id, roomBookingId: event.bookingId },
      data: { roomBookingId: null },
    });
    await auditMeeting(actor, m.id, "meeting.room_released", {
      roomId: event.meetingRoomId,
      by: "wecom",
    });
    return { outcome: "room-released" };
  }
  const known = await actor.db.meeting.findFirst({
    where: { appId, roomBookingId: event.bookingId },
    select: { id: true },
  });
  if (known) return { outcome: "unchanged" };
  const client = await deps.clientFor(actor.db, appId);
  const schedule = await client.getRoomBooking(event.meetingRoomId, event.bookingId);
  const candidates = await actor.db.meeting.findMany({
    where: { appId, roomId: event.meetingRoomId, status: "booked" },
    select: { id: true, roomBookingId: true },
    orderBy: { updatedAt: "desc" },
    take: 20,
  });
  for (const c of candidates) {
    await refreshMeeting(actor, c.id, deps).catch(() => null);
    const m = await actor.db.meeting.findFirst({
      where: { id: c.id },
      select: { startAt: true, durationSec: true },
    });
    if (!m || Math.abs(m.startAt.getTime() / 1000 - schedule.start) >= 60) continue;
    await actor.db.meeting.update({
      where: { id: c.id },
      data: { roomBookingId: event.bookingId, roomError: null },
    });
    await auditMeeting(actor, c.id, "meeting.room_booked", {
      roomId: event.meetingRoomId,
      by: "wecom",
    });
    return { outcome: "room-booked" };
  }
  return { outcome: "unknown-booking" };
}
