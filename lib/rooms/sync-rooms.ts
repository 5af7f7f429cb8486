// The rooms of a corp, read from WeCom (oa/meetingroom/list) through a self-built app:
// when the app is checked, on demand (the rooms page's button) and by the sync job.
// The answer also tells whether the app may use rooms (48002: it may not).
import "server-only";
import { wecomClientForApp } from "@/lib/apps/wecom-client";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { ERRCODE, toWecomFailure, WecomError, type WecomFailure } from "@/lib/wecom";
import type { RoomAccess } from "./room-access";

export interface RoomSyncResult {
  access: RoomAccess;
  rooms: number;
  failure: WecomFailure | null;
}

export async function syncRooms(tenantDb: TenantDb, appId: string): Promise<RoomSyncResult | null> {
  const found = await wecomClientForApp(tenantDb, appId);
  if (!found) return null;
  const { client, app } = found;
  if (app.kind !== "self_built") return { access: "self_built_only", rooms: 0, failure: null };
  try {
    const rooms = await client.listRooms();
    const now = new Date();
    const { tenantId } = await tenantDb.app.findFirstOrThrow({
      where: { id: app.id },
      select: { tenantId: true },
    });
    for (const r of rooms) {
      const data = {
        name: r.name,
        capacity: r.capacity,
        city: r.city,
        building: r.building,
        floor: r.floor,
        equipment: r.equipment,
        needApproval: r.needApproval,
        syncedAt: now,
      };
      await tenantDb.meetingRoom.upsert({
        where: { corpRowId_roomId: { corpRowId: app.corpRowId, roomId: r.roomId } },
        create: { tenantId, corpRowId: app.corpRowId, roomId: r.roomId, ...data },
        update: data,
      });
    }
    // Rooms WeCom no longer lists are gone (deleted in the console).
    await tenantDb.meetingRoom.deleteMany({
      where: { corpRowId: app.corpRowId, roomId: { notIn: rooms.map((r) => r.roomId) } },
    });
    await tenantDb.app.update({
      where: { id: app.id },
      data: { roomPermission: "granted", roomsCheckedAt: now },
    });
    return { access: "granted", rooms: rooms.length, failure: null };
  } catch (err) {
    const denied = err instanceof WecomError && err.errcode === ERRCODE.apiForbidden;
    if (denied)
      await tenantDb.app.update({
        where: { id: app.id },
        data: { roomPermission: "denied", roomsCheckedAt: new Date() },
      });
    return { access: denied ? "denied" : "unknown", rooms: 0, failure: toWecomFailure(err) };
  }
}
