"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit/record-audit";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { tenantSettingsSchema } from "@/lib/schemas/tenant-settings";
import { updateTenantSettings } from "@/lib/tenants/tenant-settings";

export type UpdateTenantSettingsResult =
  | { ok: true; changed: boolean }
  | {
      ok: false;
      /** message keys under "tenantSettings.errors", encoded with msg() */
      fieldErrors?: Partial<Record<"name" | "timeZone", string>>;
      message?: "forbidden" | "unknown";
    };

/** Saves the current tenant's name and time zone (owners and admins). */
export async function updateTenantSettingsAction(
  input: unknown,
): Promise<UpdateTenantSettingsResult> {
  const parsed = tenantSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"name" | "timeZone", string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "name" || field === "timeZone") && !fieldErrors[field])
        fieldErrors[field] = issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const ctx = await getTenantContext();
  if (!ctx || !ctx.can("settings:tenant")) return { ok: false, message: "forbidden" };
  const diff = await updateTenantSettings(ctx.db, ctx.tenant.id, parsed.data);
  if (!diff) return { ok: false, message: "unknown" };
  const changed = Object.keys(diff).length > 0;
  if (changed) {
    await recordAudit(ctx, {
      action: "tenant.update",
      objectType: "tenant",
      objectId: ctx.tenant.id,
      diff,
    });
    // The name is in the header and the switcher, the zone in every time on every page.
    revalidatePath("/", "layout");
  }
  return { ok: true, changed };
}
