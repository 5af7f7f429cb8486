"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { checkApp, checkAudit, type AppCheckResult } from "@/lib/apps/check-app";
import { recordAudit } from "@/lib/audit/record-audit";
import { getTenantContext } from "@/lib/auth/tenant-context";

export type CheckAppActionResult =
  { ok: true; result: AppCheckResult } | { ok: false; error: "forbidden" | "not_found" };

/** Checks one of the tenant's apps against WeCom: visible range and meeting permission. */
export async function checkAppAction(appId: unknown): Promise<CheckAppActionResult> {
  const parsed = z.string().min(1).max(64).safeParse(appId);
  const ctx = await getTenantContext();
  if (!ctx || !ctx.can("settings:apps")) return { ok: false, error: "forbidden" };
  if (!parsed.success) return { ok: false, error: "not_found" };
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const result = await checkApp(ctx.db, parsed.data, locale);
  if (!result) return { ok: false, error: "not_found" };
  await recordAudit(ctx, checkAudit(parsed.data, result));
  revalidatePath("/settings/apps");
  revalidatePath("/meetings/new");
  return { ok: true, result };
}
