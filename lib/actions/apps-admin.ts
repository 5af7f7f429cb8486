// The pipeline every corp and app settings action shares: session and role → domain
// (lib/apps, which parses with the shared schema) → audit → revalidate → a typed result
// whose messages are in the reader's language. Nothing secret goes into a result.
import "server-only";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import type { AppsAdminActor, AuditChange, Refused } from "@/lib/apps/admin";
import { recordAudit } from "@/lib/audit/record-audit";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { translateMsg } from "@/lib/i18n/translate-msg";

export interface AdminRefusal {
  ok: false;
  /** Translated messages, keyed by form field. */
  fieldErrors: Record<string, string>;
  formError?: string;
}

export async function appsAdminAction<T extends { ok: true; audit: AuditChange[] }, R>(
  run: (actor: AppsAdminActor) => Promise<T | Refused>,
  answer: (done: T) => R,
): Promise<R | AdminRefusal> {
  const ctx = await getTenantContext();
  const t = await getTranslations("appsAdmin.errors");
  const tr = (m: string) => translateMsg(t as never, m);
  if (!ctx || !ctx.can("settings:apps"))
    return { ok: false, fieldErrors: {}, formError: tr("forbidden") };
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const result = await run({ db: ctx.db, tenantId: ctx.tenant.id, locale });
  if (!result.ok)
    return {
      ok: false,
      fieldErrors: Object.fromEntries(
        Object.entries(result.fieldErrors).map(([field, m]) => [field, tr(m)]),
      ),
      formError: result.formError ? tr(result.formError) : undefined,
    };
  for (const change of result.audit) await recordAudit(ctx, change);
  revalidatePath("/settings/apps");
  revalidatePath("/meetings/new");
  return answer(result);
}
