// The sync's part for rooms: what WeCom holds for each booked meeting with a room, read
// from the day's bookings (one get_booking_info per app and day, shared by the meetings
// of that day), so a room event WeCom lost is found too: a booking that moved with the
// meeting is taken up, a booking that is gone is let go.
import "server-only";
import { dayBookings } from "@/lib/rooms/day-bookings";
import { auditMeeting } from "./audit";
import { meetingDeps, type MeetingDeps } from "./deps";
import type { MeetingActor } from "./types";

const AHEAD_MS = 30 * 86_400_000;

export async function syncMeetingRooms(
  actor: MeetingActor,
  deps: MeetingDeps = meetingDeps,
): Promise<{ checked: number; changed: number }> {
  const now = Date.now();
  const meetings = await actor.db.meeting.findMany({
    where: {
      status: "booked",
      roomId: { not: null },
      wecomMeetingId: { not: null },
      startAt: { gt: new Date(now), lt: new Date(now + AHEAD_MS) },
    },
    select: {
      id: true,
      appId: true,
      roomId: true,
      roomBookingId: true,
      startAt: true,
      adminUserId: true,
    },
    orderBy: { startAt: "asc" },
    take: 200,
  });
  let changed = 0;
  for (const m of meetings) {
    const start = Math.floor(m.startAt.getTime() / 1000);
    const day = await dayBookings(actor.db, m.appId, start, actor.timeZone, deps).catch(() => null);
    if (!day) continue;
    // Ours: the room at the meeting's start, booked by its administrator (book_by_meeting's
    // booker); a booking of the same slot by anyone else is not the meeting's.
    const held = (day.byRoom.get(m.roomId!) ?? []).find(
      (s) => s.start === start && s.booker === m.adminUserId,
    );
    const bookingId = held?.bookingId ?? null;
    if (bookingId === m.roomBookingId) continue;
    const taken = bookingId
      ? await actor.db.meeting.count({ where: { roomBookingId: bookingId, id: { not: m.id } } })
      : 0;
    if (taken) continue;
    await actor.db.meeting.update({ where: { id: m.id }, data: { roomBookingId: bookingId } });
    await auditMeeting(actor, m.id, bookingId ? "meeting.room_booked" : "meeting.room_released", {
      roomId: m.roomId,
      by: "sync",
    });
    changed++;
  }
  return { checked: meetings.length, changed };
}
