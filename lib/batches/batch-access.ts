// Who may see a batch on the page: a person who may book, and for a booker only the
// batches they uploaded (admins every batch of the tenant), as with meetings.
import "server-only";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { webActor } from "@/lib/meetings/web-actor";
import { loadBatch, type BatchView } from "./batch-view";

export async function batchForPage(ctx: TenantContext, id: string): Promise<BatchView | null> {
  if (!ctx.can("meeting:book") || id.length > 64) return null;
  const owner = await ctx.db.batch.findFirst({ where: { id }, select: { createdById: true } });
  if (!owner) return null;
  if (!ctx.can("meeting:manage-any") && owner.createdById !== ctx.user.id) return null;
  return loadBatch(await webActor(ctx), id);
}

/** The batch with its encoded messages in the reader's language, for the browser. */
export function translatedBatch(batch: BatchView, tr: (m: string) => string): BatchView {
  return {
    ...batch,
    rows: batch.rows.map((r) => ({
      ...r,
      reason: r.reason ? tr(r.reason) : null,
      errors: r.errors.map((e) => ({ ...e, message: tr(e.message) })),
      warnings: r.warnings.map(tr),
    })),
  };
}
