// The booking form's and the API's doors when a room comes with the meeting: the meeting
// first (bookMeeting / updateMeeting, unchanged), then its room (book-room.ts), so a room
// that cannot be had never costs the meeting, and the meeting is never booked twice.
import "server-only";
import { bookMeeting } from "./book-meeting";
import { bookRoomForMeeting, rebookRoom, type RoomOutcome } from "./book-room";
import { meetingDeps, type MeetingDeps } from "./deps";
import type { BookResult, MeetingActor } from "./types";

/** Form fields whose change moves the meeting's occurrences, and so its room booking. */
const MOVES_ROOM = new Set([
  "start",
  "durationMin",
  "isRepeat",
  "repeatType",
  "repeatInterval",
  "repeatUntil",
]);

export async function bookMeetingWithRoom(
  actor: MeetingActor,
  values: unknown,
  roomId: number | null | undefined,
  deps: MeetingDeps = meetingDeps,
): Promise<BookResult & { room?: RoomOutcome }> {
  const result = await bookMeeting(actor, values, deps);
  // A replay got its room (or its failure) the first time; an uncertain booking has no
  // meetingid yet: the retry on the meeting page books the room once it is settled.
  if (!result.ok || result.replayed || !roomId) return result;
  if (result.needsReconciliation) {
    await actor.db.meeting.update({ where: { id: result.meetingId }, data: { roomId } });
    return result;
  }
  return { ...result, room: await bookRoomForMeeting(actor, result.meetingId, roomId, deps) };
}

/**
 * After an edit was saved: a new room (or none) releases the old booking and books the
 * new one; a move of the meeting books its room again on the new times.
 * `roomId` undefined: the room is not being changed.
 */
export async function roomAfterUpdate(
  actor: MeetingActor,
  meetingId: string,
  changed: readonly string[],
  roomId: number | null | undefined,
  deps: MeetingDeps = meetingDeps,
): Promise<RoomOutcome | null> {
  const m = await actor.db.meeting.findFirst({
    where: { id: meetingId },
    select: { roomId: true, roomBookingId: true, status: true },
  });
  if (!m || m.status !== "booked") return null;
  if (roomId !== undefined && roomId !== m.roomId)
    return rebookRoom(actor, meetingId, roomId, deps);
  if (m.roomId !== null && changed.some((f) => MOVES_ROOM.has(f)))
    return rebookRoom(actor, meetingId, m.roomId, deps);
  return null;
}

/** The meeting page's retry: book the meeting's room again (nothing else is sent). */
export async function retryMeetingRoom(
  actor: MeetingActor,
  meetingId: string,
  deps: MeetingDeps = meetingDeps,
): Promise<RoomOutcome | null> {
  const m = await actor.db.meeting.findFirst({
    where: { id: meetingId },
    select: { roomId: true, roomBookingId: true, status: true },
  });
  if (!m || m.roomId === null || m.status !== "booked") return null;
  return rebookRoom(actor, meetingId, m.roomId, deps);
}
