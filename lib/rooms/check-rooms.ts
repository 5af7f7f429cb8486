// The room part of an app check: reads the corp's rooms through a self-built app and
// says whether the app may use them, and how to grant it when it may not.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { WecomLocale } from "@/lib/wecom";
import type { RoomAccess } from "./room-access";
import { describeRoomFailure } from "./room-messages";
import { syncRooms } from "./sync-rooms";

export interface RoomCheck {
  access: RoomAccess;
  /** Rooms read from WeCom (0 unless granted). */
  rooms: number;
  /** What to do, in the reader's language, when the app may not use rooms. */
  message: string | null;
}

export async function checkRooms(
  tenantDb: TenantDb,
  app: { id: string; name: string },
  locale: WecomLocale,
): Promise<RoomCheck> {
  const result = await syncRooms(tenantDb, app.id);
  if (!result) return { access: "unknown", rooms: 0, message: null };
  return {
    access: result.access,
    rooms: result.rooms,
    message: result.failure ? describeRoomFailure(result.failure, locale, app.name) : null,
  };
}
