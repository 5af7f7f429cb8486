// A day's room bookings of a corp, read with ONE get_booking_info for every room (WeCom
// never answers across days), cached briefly per app and day: the booking form asks
// again each time its start or duration changes, and the board on every navigation.
import "server-only";
import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { meetingDeps, type MeetingDeps } from "@/lib/meetings/deps";
import type { WecomRoomSchedule } from "@/lib/wecom";

/** Long enough for a person moving the start back and forth; short enough to stay true. */
const TTL_MS = 15_000;

export interface DayBookings {
  dayStart: number;
  dayEnd: number;
  /** Live schedules (status 0) by WeCom meetingroom_id, by start. */
  byRoom: Map<number, WecomRoomSchedule[]>;
}

const globalForRooms = globalThis as unknown as {
  meetbridgeRoomDays?: Map<string, { at: number; value: Promise<DayBookings> }>;
};
const cache = (globalForRooms.meetbridgeRoomDays ??= new Map());

/** Midnight to midnight of the day holding `sec`, in the tenant's time zone. */
export function dayRange(sec: number, timeZone: string): { start: number; end: number } {
  const day = startOfDay(new TZDate(sec * 1000, timeZone));
  return {
    start: Math.floor(day.getTime() / 1000),
    end: Math.floor(addDays(day, 1).getTime() / 1000),
  };
}

export async function dayBookings(
  db: TenantDb,
  appId: string,
  anySecOfDay: number,
  timeZone: string,
  deps: MeetingDeps = meetingDeps,
): Promise<DayBookings> {
  const { start, end } = dayRange(anySecOfDay, timeZone);
  const key = `${appId}:${start}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = (async () => {
    const client = await deps.clientFor(db, appId);
    // end - 1: the last second of the day, so the query stays within it.
    const list = await client.getRoomBookings({ start, end: end - 1 });
    const byRoom = new Map<number, WecomRoomSchedule[]>();
    for (const r of list) {
      const live = r.schedules.filter((s) => s.status === 0).sort((a, b) => a.start - b.start);
      byRoom.set(r.roomId, live);
    }
    return { dayStart: start, dayEnd: end, byRoom };
  })();
  cache.set(key, { at: Date.now(), value });
  // A failed read is not kept: the next look asks WeCom again.
  value.catch(() => cache.delete(key));
  if (cache.size > 500) cache.delete(cache.keys().next().value!);
  return value;
}

/** After MeetBridge booked or released a room: the next look reads WeCom again. */
export function forgetDayBookings(appId?: string): void {
  for (const key of [...cache.keys()]) if (!appId || key.startsWith(`${appId}:`)) cache.delete(key);
}
