// The two room events WeCom sends a self-built app set up for 会议室
// (wecom-meeting-api.md "Callbacks": Event book_meeting_room / cancel_meeting_room,
// each with MeetingRoomId and BookingId), to the app's data callback URL.
import { appTarget } from "./callback-events.js";
import type { Delivery } from "./callback-sender.js";
import type { RoomBooking } from "./rooms-store.js";
import type { SimState } from "./state.js";

export type RoomEvent = "book_meeting_room" | "cancel_meeting_room";

const cdata = (v: string) => `<![CDATA[${v.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

export function roomEventXml(e: {
  corpId: string;
  from: string;
  createTime: number;
  event: RoomEvent;
  meetingRoomId: number;
  bookingId: string;
}): string {
  return (
    `<xml><ToUserName>${cdata(e.corpId)}</ToUserName>` +
    `<FromUserName>${cdata(e.from)}</FromUserName>` +
    `<CreateTime>${e.createTime}</CreateTime>` +
    `<MsgType>${cdata("event")}</MsgType>` +
    `<Event>${cdata(e.event)}</Event>` +
    `<MeetingRoomId>${e.meetingRoomId}</MeetingRoomId>` +
    `<BookingId>${cdata(e.bookingId)}</BookingId></xml>`
  );
}

/** Sends a room event to the app that booked the room, if it has a callback and may use rooms. */
export function notifyRoomEvent(
  state: SimState,
  booking: RoomBooking,
  event: RoomEvent,
  from: string,
): Delivery | undefined {
  if (!booking.appKey || !state.rooms.roomApps.has(booking.appKey)) return undefined;
  const target = appTarget(state, booking.appKey);
  if (!target) return undefined;
  return state.sender.send(
    target,
    roomEventXml({
      corpId: booking.corpId,
      from,
      createTime: state.clock.nowSec(),
      event,
      meetingRoomId: booking.meetingroom_id,
      bookingId: booking.booking_id,
    }),
  );
}
