// A batch as its page, its result CSV and GET /api/v1/batches/{id} show it: progress
// counts and every row with what became of it (the meeting's WeCom id, code and link).
import "server-only";
import type { MeetingActor } from "@/lib/meetings/types";
import type { BatchField } from "./columns";
import type { CellError } from "./draft-rows";
import { settleReconciling } from "./process-batch";

export type BatchRowStatus =
  "pending" | "booking" | "booked" | "refused" | "reconciling" | "skipped";

export interface BatchRowView {
  position: number;
  line: number;
  externalRef: string | null;
  title: string;
  start: string;
  /** The room booked with the meeting (its name), if the row named one. */
  room: string | null;
  status: BatchRowStatus;
  alreadyBooked: boolean;
  meetingId: string | null;
  wecomMeetingId: string | null;
  meetingCode: string | null;
  meetingLink: string | null;
  /** Encoded message: why WeCom or MeetBridge refused it. */
  reason: string | null;
  errors: CellError[];
  warnings: string[];
  cells: Partial<Record<BatchField, string>>;
}

export interface BatchView {
  id: string;
  state: "writing" | "queued" | "running" | "done";
  source: string;
  fileName: string | null;
  total: number;
  createdAt: string;
  finishedAt: string | null;
  counts: Record<BatchRowStatus, number>;
  rows: BatchRowView[];
}

export async function loadBatch(actor: MeetingActor, batchId: string): Promise<BatchView | null> {
  const batch = await actor.db.batch.findFirst({ where: { id: batchId } });
  if (!batch) return null;
  await settleReconciling(actor, batchId);
  const rows = await actor.db.batchRow.findMany({
    where: { batchId },
    orderBy: { position: "asc" },
  });
  const ids = rows.flatMap((r) => (r.bookedMeetingId ? [r.bookedMeetingId] : []));
  const meetings = await actor.db.meeting.findMany({
    where: { id: { in: ids } },
    select: { id: true, wecomMeetingId: true, meetingCode: true, meetingLink: true },
  });
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const counts: Record<BatchRowStatus, number> = {
    pending: 0,
    booking: 0,
    booked: 0,
    refused: 0,
    reconciling: 0,
    skipped: 0,
  };
  const views = rows.map((r): BatchRowView => {
    const v = r.values as { title?: string; start?: string; room?: { name: string } };
    const m = r.bookedMeetingId ? byId.get(r.bookedMeetingId) : undefined;
    const status = r.status as BatchRowStatus;
    counts[status]++;
    return {
      position: r.position,
      line: r.line,
      externalRef: r.externalRef,
      title: v.title ?? "",
      start: v.start ?? "",
      room: v.room?.name ?? null,
      status,
      alreadyBooked: r.alreadyBooked,
      meetingId: m ? m.id : null,
      wecomMeetingId: m?.wecomMeetingId ?? null,
      meetingCode: m?.meetingCode ?? null,
      meetingLink: m?.meetingLink ?? null,
      reason: r.reason,
      errors: (r.errors as CellError[] | null) ?? [],
      warnings: (r.warnings as string[] | null) ?? [],
      cells: r.cells as Partial<Record<BatchField, string>>,
    };
  });
  return {
    id: batch.id,
    state: batch.state as BatchView["state"],
    source: batch.source,
    fileName: batch.fileName,
    total: batch.total,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    counts,
    rows: views,
  };
}
