// A row's room (a sheet's 会议室 cell, or an API row's roomId) → one of the rooms of the
// row's app's corp, as the booking form's picker offers them: an app that may not use
// rooms, a room the corp does not have and a room needing approval (never offered,
// decision 019) are errors at the room's cell. Whether it is free is check-rows.ts's.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { msg } from "@/lib/schemas/messages";

export interface RowRoom {
  /** WeCom's meetingroom_id. */
  id: number;
  name: string;
}

interface AppOfRow {
  id: string;
  name: string;
  corpRowId: string;
  roomPermission: string | null;
}

export type RoomOfRow = { ok: true; room: RowRoom } | { ok: false; message: string };

/** Loads the tenant's rooms once; the answer resolves a row's cell (name or id) or id. */
export async function roomResolver(db: TenantDb) {
  const rooms = await db.meetingRoom.findMany({
    select: { corpRowId: true, roomId: true, name: true, needApproval: true },
    orderBy: { roomId: "asc" },
  });
  return (app: AppOfRow, given: string | number): RoomOfRow => {
    const value = String(given).trim();
    if (app.roomPermission === "denied")
      return { ok: false, message: msg("batchRoomNotAllowed", { app: app.name }) };
    const ofCorp = rooms.filter((r) => r.corpRowId === app.corpRowId);
    const lower = value.toLowerCase();
    const room =
      (/^\d+$/.test(value) ? ofCorp.find((r) => r.roomId === Number(value)) : undefined) ??
      ofCorp.find((r) => r.name.trim().toLowerCase() === lower);
    if (!room) return { ok: false, message: msg("batchRoomUnknown", { value, app: app.name }) };
    if (room.needApproval)
      return { ok: false, message: msg("batchRoomNeedsApproval", { room: room.name }) };
    return { ok: true, room: { id: room.roomId, name: room.name } };
  };
}
