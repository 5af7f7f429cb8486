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
