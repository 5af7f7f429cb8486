// A checked batch becomes a record: the Batch and one BatchRow per row, then queued for
// the background jobs (process-batch.ts). Rows with errors are kept as "skipped" (the
// result lists every row of the file); rows already booked are kept as booked.
import "server-only";
import type { MeetingActor } from "@/lib/meetings/types";
import type { CheckedRow } from "./check-rows";

export type CreateBatchResult =
  | { ok: true; batchId: string; toBook: number }
  | { ok: false; error: "rowsHaveErrors" | "nothingToBook" };

export async function createBatch(
  actor: MeetingActor,
  rows: CheckedRow[],
  opts: { onlyValid: boolean; fileName?: string | null },
): Promise<CreateBatchResult> {
  const invalid = rows.filter((r) => !r.already && r.errors.length > 0).length;
  if (invalid > 0 && !opts.onlyValid) return { ok: false, error: "rowsHaveErrors" };
  const toBook = rows.filter((r) => !r.already && r.errors.length === 0).length;
  const already = rows.filter((r) => r.already).length;
  if (toBook === 0 && already === 0) return { ok: false, error: "nothingToBook" };

  // Written as "writing" first: a batch whose rows are not all in never reaches the jobs.
  const batch = await actor.db.batch.create({
    data: {
      tenantId: actor.tenantId,
      source: actor.source === "api" ? "api" : "web",
      createdById: actor.userId,
      createdByTokenId: actor.tokenId ?? null,
      fileName: opts.fileName?.slice(0, 200) ?? null,
      state: "writing",
      total: rows.length,
    },
    select: { id: true },
  });
  await actor.db.batchRow.createMany({
    data: rows.map((r, i) => ({
      tenantId: actor.tenantId,
      batchId: batch.id,
      position: i + 1,
      line: r.line,
      externalRef: r.externalRef,
      // The room rides beside the booking values, as the form sends it (process-batch.ts).
      values: (r.room ? { ...r.values, room: r.room } : r.values) as object,
      cells: r.cells as object,
      errors: r.errors.length ? (r.errors as object) : undefined,
      warnings: r.warnings.length ? (r.warnings as object) : undefined,
      status: r.already ? "booked" : r.errors.length ? "skipped" : "pending",
      alreadyBooked: Boolean(r.already),
      bookedMeetingId: r.already?.meetingId ?? null,
    })),
  });
  await actor.db.batch.update({
    where: { id: batch.id },
    data: toBook ? { state: "queued" } : { state: "done", finishedAt: new Date() },
  });
  await actor.db.auditEvent.create({
    data: {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      source: actor.source,
      action: "batch.create",
      objectType: "Batch",
      objectId: batch.id,
      diff: {
        rows: rows.length,
        toBook,
        alreadyBooked: already,
        skipped: rows.length - toBook - already,
        ...(opts.fileName ? { fileName: opts.fileName.slice(0, 200) } : {}),
        ...(actor.via ? { via: actor.via } : {}),
      },
      ip: actor.ip ?? null,
      userAgent: actor.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { ok: true, batchId: batch.id, toBook };
}
