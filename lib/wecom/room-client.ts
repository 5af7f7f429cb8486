// oa/meetingroom/* calls of one app (wecom-meeting-api.md "Meeting rooms"): self-built
// apps added under 应用管理 → 会议室 → 可调用接口的应用 only; others get 48002. Built by
// client.ts around its token-refreshing sender.
import type { z } from "zod";
import type { WecomRequest } from "./http.ts";
import { emptySchema } from "./schemas.ts";
import {
  bookByMeetingSchema,
  bookInfoSchema,
  bookingInfoSchema,
  roomListSchema,
  type BookByMeetingResult,
  type WecomRoom,
  type WecomRoomBookings,
  type WecomRoomSchedule,
} from "./room-schemas.ts";
import type { CallContext, RoomOperation } from "./types.ts";

type Send = <S extends z.ZodType>(
  build: (token: string) => WecomRequest<S>,
) => Promise<z.output<S>>;

export interface RoomBookingQuery {
  /** Unix seconds; start and end on the same day (WeCom never answers across days). */
  start: number;
  end: number;
  roomId?: number;
  city?: string;
  building?: string;
  floor?: string;
}

export function roomCalls(send: Send) {
  const call = <S extends z.ZodType>(
    operation: RoomOperation,
    body: unknown,
    schema: S,
    idempotent: boolean,
    ctx?: CallContext,
  ) =>
    send((token) => ({
      operation,
      method: "POST",
      path: operation,
      query: { access_token: token },
      body,
      schema,
      idempotent,
      meetingId: ctx?.meetingId,
      token,
    }));

  return {
    listRooms: (): Promise<WecomRoom[]> => call("oa/meetingroom/list", {}, roomListSchema, true),

    /** One call for every room matching the query, for one day at most. */
    getRoomBookings: (q: RoomBookingQuery): Promise<WecomRoomBookings> =>
      call(
        "oa/meetingroom/get_booking_info",
        {
          start_time: q.start,
          end_time: q.end,
          ...(q.roomId !== undefined ? { meetingroom_id: q.roomId } : {}),
          ...(q.city ? { city: q.city } : {}),
          ...(q.building ? { building: q.building } : {}),
          ...(q.floor ? { floor: q.floor } : {}),
        },
        bookingInfoSchema,
        true,
      ),

    /**
     * Books a room for a meeting this app created, every occurrence of a series.
     * Not resent after a lost answer: a second booking would be refused anyway, and the
     * caller reads the room's bookings to learn what happened.
     */
    bookRoomByMeeting: (
      input: { roomId: number; meetingId: string; booker: string },
      ctx?: CallContext,
    ): Promise<BookByMeetingResult> =>
      call(
        "oa/meetingroom/book_by_meeting",
        { meetingroom_id: input.roomId, meetingid: input.meetingId, booker: input.booker },
        bookByMeetingSchema,
        false,
        ctx,
      ),

    /** Cancels a room booking, or only its day of `cancelDate` (a midnight, Unix seconds). */
    cancelRoomBooking: (
      input: { bookingId: string; cancelDate?: number },
      ctx?: CallContext,
    ): Promise<Record<string, never>> =>
      call(
        "oa/meetingroom/cancel_book",
        {
          booking_id: input.bookingId,
          ...(input.cancelDate !== undefined ? { cancel_date: input.cancelDate } : {}),
        },
        emptySchema,
        true,
        ctx,
      ),

    getRoomBooking: (roomId: number, bookingId: string): Promise<WecomRoomSchedule> =>
      call(
        "oa/meetingroom/bookinfo/get",
        { meetingroom_id: roomId, booking_id: bookingId },
        bookInfoSchema,
        true,
      ),
  };
}
