// The tenant settings form (/settings/tenant): one schema for the browser and the
// server action. Messages are keys under "tenantSettings.errors". Client-safe.
import { z } from "zod";
import { msg } from "./messages";

export const TENANT_NAME_MAX = 100;
/** Listed first: where most tenants are. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** An IANA zone name ("Europe/Berlin", "UTC") that this runtime's Intl knows. */
export function isTimeZone(zone: string): boolean {
  // Intl also takes offsets ("+01:00"); a tenant's zone is a named one.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones the form offers: Asia/Shanghai first, then the rest A–Z, and `current` if missing. */
export function timeZoneOptions(current?: string): string[] {
  const all = Intl.supportedValuesOf("timeZone").filter((z) => z !== DEFAULT_TIME_ZONE);
  if (current && current !== DEFAULT_TIME_ZONE && !all.includes(current)) all.push(current);
  return [DEFAULT_TIME_ZONE, ...all.sort()];
}

export const tenantSettingsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, msg("nameRequired"))
    .max(TENANT_NAME_MAX, msg("nameTooLong", { max: TENANT_NAME_MAX })),
  timeZone: z.string().max(64, msg("timeZoneInvalid")).refine(isTimeZone, msg("timeZoneInvalid")),
});

export type TenantSettingsInput = z.input<typeof tenantSettingsSchema>;
export type TenantSettings = z.output<typeof tenantSettingsSchema>;
