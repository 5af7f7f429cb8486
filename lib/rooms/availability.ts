// The room picker's answer: the corp's rooms, each free or taken for the chosen start
// and duration (from one get_booking_info for the day), who holds a taken room and
// when, and MeetBridge's own meetings among the holders.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { MeetingDeps } from "@/lib/meetings/deps";
import { toWecomFailure } from "@/lib/wecom";
import { dayBookings, type DayBookings } from "./day-bookings";
import { equipmentNames, type EquipmentName } from "./room-access";
import { describeRoomFailure } from "./room-messages";

export interface RoomHolder {
  start: number;
  end: number;
  /** The booker's name when MeetBridge knows the userid, else the userid. */
  booker: string;
  /** MeetBridge's meeting holding it, if it is one. */
  meeting?: { id: string; title: string };
}

export interface RoomView {
  roomId: number;
  name: string;
  capacity: number;
  city: string;
  building: string;
  floor: string;
  equipment: EquipmentName[];
  needApproval: boolean;
}

export interface RoomAvailability extends RoomView {
  free: boolean;
  /** The bookings overlapping the chosen time. */
  holders: RoomHolder[];
}

export type AvailabilityResult =
  { ok: true; rooms: RoomAvailability[] } | { ok: false; reason: string };

export async function corpRooms(db: TenantDb, corpRowId: string): Promise<RoomView[]> {
  const rows = await db.meetingRoom.findMany({
    where: { corpRowId },
    orderBy: [{ building: "asc" }, { floor: "asc" }, { name: "asc" }],
  });
  return rows.map((r) => ({
    roomId: r.roomId,
    name: r.name,
    capacity: r.capacity,
    city: r.city,
    building: r.building,
    floor: r.floor,
    equipment: equipmentNames(r.equipment),
    needApproval: r.needApproval,
  }));
}

/** Names for bookers' userids and MeetBridge's meetings for booking ids, in two queries. */
export async function holderLabels(db: TenantDb, corpRowId: string, days: DayBookings[]) {
  const schedules = days.flatMap((d) => [...d.byRoom.values()].flat());
  const userIds = [...new Set(schedules.map((s) => s.booker).filter(Boolean))];
  const bookingIds = [...new Set(schedules.map((s) => s.bookingId))];
  const [mappings, meetings] = await Promise.all([
    db.mapping.findMany({
      where: { corpRowId, wecomUserId: { in: userIds } },
      select: { wecomUserId: true, oaAccount: { select: { name: true } } },
    }),
    db.meeting.findMany({
      where: { roomBookingId: { in: bookingIds } },
      select: { id: true, title: true, roomBookingId: true },
    }),
  ]);
  const names = new Map(mappings.map((m) => [m.wecomUserId, m.oaAccount.name]));
  const byBooking = new Map(meetings.map((m) => [m.roomBookingId!, { id: m.id, title: m.title }]));
  return (s: { booker: string; bookingId: string; start: number; end: number }): RoomHolder => ({
    start: s.start,
    end: s.end,
    booker: names.get(s.booker) ?? s.booker,
    ...(byBooking.has(s.bookingId) ? { meeting: byBooking.get(s.bookingId)! } : {}),
  });
}

export async function roomAvailability(
  db: TenantDb,
  input: { appId: string; start: number; end: number; timeZone: string; locale: "zh-CN" | "en" },
  deps?: MeetingDeps,
): Promise<AvailabilityResult> {
  const app = await db.app.findFirst({
    where: { id: input.appId },
    select: { name: true, corpRowId: true },
  });
  if (!app) return { ok: false, reason: "not_found" };
  const rooms = await corpRooms(db, app.corpRowId);
  if (rooms.length === 0) return { ok: true, rooms: [] };
  let days: DayBookings[];
  try {
    // A meeting past midnight touches two days: one call for each, never one across both.
    const first = await dayBookings(db, input.appId, input.start, input.timeZone, deps);
    days =
      input.end > first.dayEnd
        ? [first, await dayBookings(db, input.appId, first.dayEnd, input.timeZone, deps)]
        : [first];
  } catch (err) {
    return { ok: false, reason: describeRoomFailure(toWecomFailure(err), input.locale, app.name) };
  }
  const label = await holderLabels(db, app.corpRowId, days);
  return {
    ok: true,
    rooms: rooms.map((r) => {
      // A booking past midnight is in both days' answers: one holder, not two.
      const overlapping = new Map(
        days
          .flatMap((d) => d.byRoom.get(r.roomId) ?? [])
          .filter((s) => s.start < input.end && input.start < s.end)
          .map((s) => [`${s.bookingId}@${s.start}`, s] as const),
      );
      const holders = [...overlapping.values()].map(label);
      return { ...r, free: holders.length === 0, holders };
    }),
  };
}
