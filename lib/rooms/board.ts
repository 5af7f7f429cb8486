// The room board (/rooms): one day of a corp's rooms and their bookings, from the same
// single get_booking_info per day as the picker, with MeetBridge's own meetings named.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { parseCivilDate, wallClockOfDay } from "@/lib/schemas/wall-clock";
import { toWecomFailure } from "@/lib/wecom";
import { corpRooms, holderLabels, type RoomHolder, type RoomView } from "./availability";
import { dayBookings, dayRange } from "./day-bookings";
import { describeRoomFailure } from "./room-messages";

export interface BoardApp {
  id: string;
  name: string;
  corpName: string;
}

export interface BoardRoom extends RoomView {
  bookings: RoomHolder[];
}

export interface RoomBoard {
  apps: BoardApp[];
  app: BoardApp | null;
  dayStart: number;
  dayEnd: number;
  /** Rooms by building, then floor. */
  groups: { building: string; floor: string; rooms: BoardRoom[] }[];
  error: string | null;
}

/** Self-built apps that may use rooms, the ones the board can read through. */
export async function roomApps(db: TenantDb): Promise<BoardApp[]> {
  const apps = await db.app.findMany({
    where: {
      kind: "self_built",
      roomPermission: "granted",
      status: "active",
      corp: { disabled: false },
    },
    select: { id: true, name: true, corp: { select: { name: true } } },
    orderBy: [{ corp: { name: "asc" } }, { name: "asc" }],
  });
  return apps.map((a) => ({ id: a.id, name: a.name, corpName: a.corp.name }));
}

export async function roomBoard(
  db: TenantDb,
  input: { appId?: string; day: string; timeZone: string; locale: "zh-CN" | "en"; nowSec: number },
): Promise<RoomBoard> {
  const civil = parseCivilDate(input.day);
  const anySec = civil ? wallClockOfDay(civil, input.nowSec, input.timeZone) : input.nowSec;
  const { start, end } = dayRange(anySec, input.timeZone);
  const apps = await roomApps(db);
  const app = apps.find((a) => a.id === input.appId) ?? apps[0] ?? null;
  const empty = { apps, app, dayStart: start, dayEnd: end, groups: [], error: null };
  if (!app) return empty;
  const row = await db.app.findFirstOrThrow({ where: { id: app.id }, select: { corpRowId: true } });
  const rooms = await corpRooms(db, row.corpRowId);
  if (rooms.length === 0) return empty;
  let labelled: (r: RoomView) => BoardRoom;
  let error: string | null = null;
  try {
    const day = await dayBookings(db, app.id, start, input.timeZone);
    const label = await holderLabels(db, row.corpRowId, [day]);
    labelled = (r) => ({ ...r, bookings: (day.byRoom.get(r.roomId) ?? []).map(label) });
  } catch (err) {
    error = describeRoomFailure(toWecomFailure(err), input.locale, app.name);
    labelled = (r) => ({ ...r, bookings: [] });
  }
  const groups: RoomBoard["groups"] = [];
  for (const r of rooms) {
    let g = groups.find((x) => x.building === r.building && x.floor === r.floor);
    if (!g) groups.push((g = { building: r.building, floor: r.floor, rooms: [] }));
    g.rooms.push(labelled(r));
  }
  return { ...empty, groups, error };
}
