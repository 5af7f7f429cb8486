"use server";

// The batch page's two steps, each sent the file (FormData "file"): a preview that books
// nothing and writes nothing (it reads rooms' bookings for rows naming a room), then a confirmation that checks the file again,
// writes the batch and queues it for the background jobs (which also start on it at once).
// Admins and bookers (meeting:book); the rows go through lib/meetings like the form.
import { logger } from "@/lib/observability/logger";
import { getLocale } from "next-intl/server";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { createBatch, previewSheet, processBatch, type SheetPreview } from "@/lib/batches";
import type { BatchField } from "@/lib/batches/columns";
import { MAX_BATCH_BYTES } from "@/lib/batches/read-sheet";
import { batchMessages } from "@/lib/batches/texts";
import type { Locale } from "@/lib/i18n/config";
import { webActor } from "@/lib/meetings/web-actor";
import { msg } from "@/lib/schemas/messages";

export interface PreviewRowView {
  line: number;
  cells: Partial<Record<BatchField, string>>;
  /** The row as it will be booked: title, start, duration and the people's count. */
  title: string;
  start: string;
  durationMin: number;
  invitees: number;
  errors: { field: BatchField | ""; message: string }[];
  warnings: string[];
  already?: { meetingId: string; sameRequest: boolean };
}

export type BatchPreviewResult =
  | {
      ok: true;
      columns: { field: BatchField; header: string }[];
      fileErrors: string[];
      rows: PreviewRowView[];
    }
  | { ok: false; formError: string };

async function access() {
  const ctx = await getTenantContext();
  const locale: Locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const tr = batchMessages(locale);
  if (!ctx || !ctx.can("meeting:book")) return { ok: false as const, tr };
  return { ok: true as const, ctx, tr, actor: await webActor(ctx) };
}

async function fileOf(form: unknown): Promise<{ bytes: Uint8Array; name: string } | string> {
  if (!(form instanceof FormData)) return msg("noFile");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return msg("noFile");
  if (file.size > MAX_BATCH_BYTES)
    return msg("batchFileTooLarge", { max: MAX_BATCH_BYTES / 1024 / 1024 });
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name.slice(0, 200) };
}

function view(p: SheetPreview, tr: (m: string) => string): BatchPreviewResult {
  return {
    ok: true,
    columns: p.columns,
    fileErrors: p.fileErrors.map(tr),
    rows: p.rows.map((r) => ({
      line: r.line,
      cells: r.cells,
      title: r.values.title,
      start: r.values.start,
      durationMin: r.values.durationMin,
      invitees: r.values.inviteeIds.length,
      errors: r.errors.map((e) => ({ field: e.field, message: tr(e.message) })),
      warnings: r.warnings.map(tr),
      already: r.already,
    })),
  };
}

/** Every row checked as it will be booked; nothing is written or sent. */
export async function previewBatchAction(form: unknown): Promise<BatchPreviewResult> {
  const a = await access();
  if (!a.ok) return { ok: false, formError: a.tr(msg("forbidden")) };
  const file = await fileOf(form);
  if (typeof file === "string") return { ok: false, formError: a.tr(file) };
  return view(await previewSheet(a.actor, file.bytes, file.name), a.tr);
}

export type CreateBatchActionResult =
  { ok: true; batchId: string } | { ok: false; formError: string };

/** Checks the file again and queues it; with onlyValid, rows with errors are left out. */
export async function createBatchAction(form: unknown): Promise<CreateBatchActionResult> {
  const a = await access();
  if (!a.ok) return { ok: false, formError: a.tr(msg("forbidden")) };
  const file = await fileOf(form);
  if (typeof file === "string") return { ok: false, formError: a.tr(file) };
  const onlyValid = form instanceof FormData && form.get("onlyValid") === "true";
  const preview = await previewSheet(a.actor, file.bytes, file.name);
  if (preview.fileErrors.length) return { ok: false, formError: a.tr(preview.fileErrors[0]!) };
  const created = await createBatch(a.actor, preview.rows, { onlyValid, fileName: file.name });
  if (!created.ok) return { ok: false, formError: a.tr(created.error) };
  // The jobs take it up within their interval; starting now saves the wait. Both run
  // under the batch's lease, so only one books.
  void processBatch(created.batchId).catch((err: unknown) =>
    logger.error({ batchId: created.batchId, err: String(err) }, "batch processing failed"),
  );
  return { ok: true, batchId: created.batchId };
}
