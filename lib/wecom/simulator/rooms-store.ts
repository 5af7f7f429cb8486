// The simulator's room bookings: which room is held when, by whom and for which
// meeting. Kept apart from state.ts (which only owns an instance) so the rules of
// oa/meetingroom live in one place and import nothing that imports them back.
import { randomBytes } from "node:crypto";
import { dayStartSec, localTimeSec, SEED_BOOKINGS, SIM_ROOMS, type SimRoom } from "./rooms-data.js";

/** status as get_booking_info reports it: 0 booked, 1 cancelled (2, 3: approval, never here). */
export interface RoomSchedule {
  schedule_id: string;
  start_time: number;
  end_time: number;
  status: 0 | 1;
}

export interface RoomBooking {
  booking_id: string;
  corpId: string;
  meetingroom_id: number;
  booker: string;
  subject: string;
  /** The app that booked it through the API; none = booked elsewhere (client, console). */
  appKey?: string;
  /** book_by_meeting: the meeting it follows. */
  meetingid?: string;
  schedules: RoomSchedule[];
}

export interface Slot {
  start: number;
  end: number;
}

const newId = (prefix: string) => `${prefix}${randomBytes(12).toString("base64url")}`;

export const overlaps = (a: Slot, b: Slot) => a.start < b.end && b.start < a.end;

export class RoomStore {
  rooms: SimRoom[] = [];
  bookings = new Map<string, RoomBooking>();
  /** Self-built apps added under 应用管理 → 会议室 → 可调用接口的应用. */
  roomApps = new Set<string>();

  reset(now: number, timeZone: string): void {
    this.rooms = SIM_ROOMS.map((r) => ({ ...r, equipment: [...r.equipment] }));
    this.bookings.clear();
    this.roomApps = new Set(["meeting-assistant"]);
    for (const s of SEED_BOOKINGS) {
      const start = localTimeSec(now, timeZone, s.day, s.hh, s.mm);
      const room = this.rooms.find((r) => r.meetingroom_id === s.roomId);
      if (room)
        this.add(room, [{ start, end: start + s.minutes * 60 }], {
          booker: s.booker,
          subject: s.subject,
        });
    }
  }

  roomsOf(corpId: string): SimRoom[] {
    return this.rooms.filter((r) => r.corpId === corpId);
  }

  room(corpId: string, id: number): SimRoom | undefined {
    return this.rooms.find((r) => r.corpId === corpId && r.meetingroom_id === id);
  }

  /** A live schedule of another booking holding the room during the slot. */
  holder(
    room: SimRoom,
    slot: Slot,
    exceptBookingId?: string,
  ): { booking: RoomBooking; schedule: RoomSchedule } | undefined {
    for (const booking of this.bookings.values()) {
      if (booking.corpId !== room.corpId || booking.meetingroom_id !== room.meetingroom_id)
        continue;
      if (booking.booking_id === exceptBookingId) continue;
      const schedule = booking.schedules.find(
        (s) => s.status === 0 && overlaps({ start: s.start_time, end: s.end_time }, slot),
      );
      if (schedule) return { booking, schedule };
    }
    return undefined;
  }

  add(
    room: SimRoom,
    slots: Slot[],
    who: { booker: string; subject: string; appKey?: string; meetingid?: string },
  ): RoomBooking {
    const booking: RoomBooking = {
      booking_id: newId("bk"),
      corpId: room.corpId,
      meetingroom_id: room.meetingroom_id,
      ...who,
      schedules: slots.map((s) => ({
        schedule_id: newId("sc"),
        start_time: s.start,
        end_time: s.end,
        status: 0,
      })),
    };
    this.bookings.set(booking.booking_id, booking);
    return booking;
  }

  /**
   * Books the room on every slot it is free; the days it is not are the conflicts
   * (midnights). Nothing is stored when no slot is free.
   */
  bookSeries(
    room: SimRoom,
    slots: Slot[],
    who: { booker: string; subject: string; appKey: string; meetingid: string },
    timeZone: string,
  ): { booking?: RoomBooking; conflictDates: number[] } {
    const free: Slot[] = [];
    const conflicts = new Set<number>();
    for (const slot of slots) {
      if (this.holder(room, slot)) conflicts.add(dayStartSec(slot.start, timeZone));
      else free.push(slot);
    }
    const conflictDates = [...conflicts].sort((a, b) => a - b);
    if (free.length === 0) return { conflictDates };
    return { booking: this.add(room, free, who), conflictDates };
  }

  /** Cancels the whole booking, or only its schedule on the day of `cancelDate`. */
  cancel(booking: RoomBooking, timeZone: string, cancelDate?: number): number {
    const day = cancelDate === undefined ? undefined : dayStartSec(cancelDate, timeZone);
    let cancelled = 0;
    for (const s of booking.schedules) {
      if (s.status !== 0) continue;
      if (day !== undefined && dayStartSec(s.start_time, timeZone) !== day) continue;
      s.status = 1;
      cancelled += 1;
    }
    return cancelled;
  }

  /** The live booking that follows a meeting, if any. */
  bookingOfMeeting(meetingid: string): RoomBooking | undefined {
    for (const b of this.bookings.values()) {
      if (b.meetingid === meetingid && b.schedules.some((s) => s.status === 0)) return b;
    }
    return undefined;
  }
}
