import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope.ts";
import type { TenantSettings } from "@/lib/schemas/tenant-settings.ts";

export const TENANT_SETTINGS_FIELDS = ["name", "timeZone"] as const;
export type TenantSettingsField = (typeof TENANT_SETTINGS_FIELDS)[number];
export type TenantSettingsDiff = Partial<Record<TenantSettingsField, { from: string; to: string }>>;

/**
 * Saves the tenant's name and time zone (validated by tenantSettingsSchema) and says
 * what changed: empty when nothing did, null when the tenant is not the scope's own.
 */
export async function updateTenantSettings(
  db: TenantDb,
  tenantId: string,
  values: TenantSettings,
): Promise<TenantSettingsDiff | null> {
  const current = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { name: true, timeZone: true },
  });
  if (!current) return null;
  const diff: TenantSettingsDiff = {};
  for (const field of TENANT_SETTINGS_FIELDS) {
    if (current[field] !== values[field]) diff[field] = { from: current[field], to: values[field] };
  }
  if (Object.keys(diff).length > 0) {
    await db.tenant.update({
      where: { id: tenantId },
      data: { name: values.name, timeZone: values.timeZone },
    });
  }
  return diff;
}

export interface TenantSettingsChange {
  id: string;
  at: Date;
  /** null: the actor is no longer a member (or the change was not made by a person) */
  actorName: string | null;
  changes: { field: TenantSettingsField; from: string; to: string }[];
}

/** The scope's own tenant-settings audit events, newest first. */
export async function tenantSettingsHistory(
  db: TenantDb,
  tenantId: string,
  take = 50,
): Promise<TenantSettingsChange[]> {
  const events = await db.auditEvent.findMany({
    where: { objectType: "tenant", objectId: tenantId },
    orderBy: { createdAt: "desc" },
    take,
  });
  const actorIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const members = actorIds.length
    ? await db.membership.findMany({
        where: { userId: { in: actorIds } },
        select: { userId: true, user: { select: { name: true } } },
      })
    : [];
  const nameOf = new Map(members.map((m) => [m.userId, m.user.name]));
  return events.map((e) => {
    const diff = (e.diff ?? {}) as Record<string, { from?: unknown; to?: unknown } | undefined>;
    return {
      id: e.id,
      at: e.createdAt,
      actorName: (e.actorUserId && nameOf.get(e.actorUserId)) ?? null,
      changes: TENANT_SETTINGS_FIELDS.flatMap((field) => {
        const change = diff[field];
        return change ? [{ field, from: String(change.from), to: String(change.to) }] : [];
      }),
    };
  });
}
