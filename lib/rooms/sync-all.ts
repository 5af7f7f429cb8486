// The rooms job: every self-built app that may use rooms reads its corp's rooms again
// (rooms are added, renamed and removed in the WeCom console), one app per corp.
import "server-only";
import { db } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant-scope";
import { syncRooms } from "./sync-rooms";

export async function syncAllRooms(): Promise<{ apps: number; rooms: number; failed: number }> {
  const apps = await db.app.findMany({
    where: {
      kind: "self_built",
      roomPermission: "granted",
      status: "active",
      corp: { disabled: false },
    },
    select: { id: true, tenantId: true, corpRowId: true },
    orderBy: { createdAt: "asc" },
  });
  const tally = { apps: 0, rooms: 0, failed: 0 };
  const corps = new Set<string>();
  for (const app of apps) {
    if (corps.has(app.corpRowId)) continue;
    corps.add(app.corpRowId);
    const result = await syncRooms(scopeToTenant(db, app.tenantId), app.id).catch(() => null);
    tally.apps++;
    if (!result || result.failure) tally.failed++;
    else tally.rooms += result.rooms;
  }
  return tally;
}
