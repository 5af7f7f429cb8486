// When a member moves or cancels a meeting in the WeCom client, WeCom cancels its room
// booking and (for a move) books the room again on the new time, sending
// cancel_meeting_room and book_meeting_room to the app that booked it
// (wecom-meeting-api.md "Meeting rooms"). Changes the app makes itself through
// meeting/update or meeting/cancel leave the room alone: the app releases and re-books
// it with cancel_book / book_by_meeting (decision 019).
import { occurrences } from "./meeting-view.js";
import { notifyRoomEvent } from "./rooms-events.js";
import type { SimMeeting, SimState } from "./state.js";

export function followMeetingRoom(
  state: SimState,
  m: SimMeeting,
  change: { moved: boolean; cancelled: boolean; from: string; notify: boolean },
): void {
  if (!change.moved && !change.cancelled) return;
  const booking = state.rooms.bookingOfMeeting(m.meetingid);
  if (!booking) return;
  state.changed();
  const tz = state.corps.get(m.corpId)?.timeZone ?? "Asia/Shanghai";
  state.rooms.cancel(booking, tz);
  if (change.notify) notifyRoomEvent(state, booking, "cancel_meeting_room", change.from);
  if (change.cancelled) return;
  const room = state.rooms.room(m.corpId, booking.meetingroom_id);
  if (!room) return;
  const now = state.clock.nowSec();
  const slots = occurrences(m, tz)
    .filter((o) => !o.cancelled && o.start > now)
    .map((o) => ({ start: o.start, end: o.end }));
  const { booking: again } = state.rooms.bookSeries(
    room,
    slots,
    { booker: booking.booker, subject: m.title, appKey: booking.appKey!, meetingid: m.meetingid },
    tz,
  );
  if (again && change.notify) notifyRoomEvent(state, again, "book_meeting_room", change.from);
}
