import "server-only";
import { db } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant-scope";
import type { AuditSourceName, MeetingActor } from "./types";

/** MeetBridge itself acting in a tenant (the sweep, sync, the demo seed). */
export function systemActor(
  tenant: { id: string; timeZone: string },
  source: AuditSourceName = "system",
): MeetingActor {
  return {
    db: scopeToTenant(db, tenant.id),
    tenantId: tenant.id,
    timeZone: tenant.timeZone,
    userId: null,
    source,
    locale: "zh-CN",
  };
}
