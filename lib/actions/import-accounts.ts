"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { recheckUncheckedApps } from "@/lib/apps/recheck-unchecked";
import { recordAudit } from "@/lib/audit/record-audit";
import {
  confirmImport,
  previewImport,
  type ConfirmImportResult,
  type ImportPreview,
} from "@/lib/accounts/import-accounts";
import { MAX_IMPORT_BYTES } from "@/lib/accounts/read-csv";
import { msg } from "@/lib/schemas/messages";
import { accountAccess, revalidateAccounts, type Translate } from "./account-access";

// The CSV import's two steps, each sent the file (FormData "file"): a preview that
// writes nothing, then a confirmation with the preview's token that writes it all in
// one transaction (with "onlyValid", its valid rows; the others come back listed).
// Messages come back translated.

export type ImportActionResult =
  | Extract<ConfirmImportResult, { ok: true }>
  | { ok: false; formError?: string; preview?: ImportPreview };

export type PreviewActionResult =
  { ok: true; preview: ImportPreview } | { ok: false; formError: string };

function translated(p: ImportPreview, tr: Translate): ImportPreview {
  return {
    ...p,
    fileErrors: p.fileErrors.map(tr),
    errors: p.errors.map((e) => ({ ...e, message: tr(e.message) })),
  };
}

async function fileBytes(form: unknown): Promise<Uint8Array | string> {
  if (!(form instanceof FormData)) return msg("fileMissing");
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return msg("fileMissing");
  if (file.size > MAX_IMPORT_BYTES)
    return msg("fileTooLarge", { max: MAX_IMPORT_BYTES / 1024 / 1024 });
  return new Uint8Array(await file.arrayBuffer());
}

/** What importing the file would do: nothing is written. */
export async function previewAccountImportAction(form: unknown): Promise<PreviewActionResult> {
  const access = await accountAccess();
  const { tr } = access;
  if (!access.ok) return { ok: false, formError: tr(msg("forbidden")) };
  const bytes = await fileBytes(form);
  if (typeof bytes === "string") return { ok: false, formError: tr(bytes) };
  return { ok: true, preview: translated(await previewImport(access.actor, bytes), tr) };
}

/** Imports the previewed file; refused when it has errors or now plans something else. */
export async function confirmAccountImportAction(form: unknown): Promise<ImportActionResult> {
  const access = await accountAccess();
  const { tr } = access;
  if (!access.ok) return { ok: false, formError: tr(msg("forbidden")) };
  const bytes = await fileBytes(form);
  if (typeof bytes === "string") return { ok: false, formError: tr(bytes) };
  const token = z
    .string()
    .min(1)
    .max(64)
    .safeParse((form as FormData).get("token"));
  if (!token.success) return { ok: false, formError: tr(msg("importStale")) };
  const onlyValid = (form as FormData).get("onlyValid") === "true";
  const result = await confirmImport(access.actor, bytes, token.data, { onlyValid });
  if (!result.ok)
    return { ok: false, formError: tr(result.formError), preview: translated(result.preview, tr) };
  // Apps connected before anybody was mapped could not be checked for the permission.
  if (result.added + result.updated > 0) {
    const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
    for (const audit of await recheckUncheckedApps(access.ctx.db, locale))
      await recordAudit(access.ctx, audit);
    revalidatePath("/settings/apps");
  }
  revalidateAccounts();
  return { ...result, skipped: result.skipped.map((e) => ({ ...e, message: tr(e.message) })) };
}
