// Books a queued batch's rows through lib/meetings, in the background jobs: under a lease
// per batch (one process at a time, renewed as it goes), with at most
// BATCH_CALLS_AT_ONCE bookings (so WeCom calls) in flight. Every row is booked under its
// own key (row-key.ts), so a run cut short by a crash is simply run again: a row left
// "booking" is looked up by its key first, and never booked twice (decision 020). A row's
// room is booked after its meeting, through the form's door (bookMeetingWithRoom).
import { logger } from "@/lib/observability/logger";
import "server-only";
import { db } from "@/lib/db/client";
import { renewLease, withLease } from "@/lib/db/lease";
import { scopeToTenant } from "@/lib/db/tenant-scope";
import { bookMeetingWithRoom } from "@/lib/meetings/book-with-room";
import { meetingDeps, type MeetingDeps } from "@/lib/meetings/deps";
import type { MeetingActor } from "@/lib/meetings/types";
import { msg } from "@/lib/schemas/messages";
import { eachAtOnce } from "./check-rows";
import { columnOfField } from "./columns";

export const BATCH_CALLS_AT_ONCE = 4;
const LEASE_MS = 60_000;
const UNFINISHED = ["pending", "booking"];

export interface ProcessOptions {
  deps?: MeetingDeps;
  concurrency?: number;
}

export type BatchTally = Record<"booked" | "refused" | "reconciling" | "failed", number>;

export async function processBatch(
  batchId: string,
  opts: ProcessOptions = {},
): Promise<BatchTally | "busy"> {
  const lease = `batch:${batchId}`;
  return withLease(lease, LEASE_MS, () => run(batchId, lease, opts));
}

/** Every batch with rows left (the scheduler's job): queued, or cut short by a crash. */
export async function processDueBatches(opts: ProcessOptions = {}): Promise<number> {
  const due = await db.batch.findMany({
    where: { state: { in: ["queued", "running"] } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  for (const b of due) await processBatch(b.id, opts);
  return due.length;
}

function actorOf(batch: {
  tenantId: string;
  source: string;
  createdById: string | null;
  createdByTokenId: string | null;
  tenant: { timeZone: string };
}): MeetingActor {
  return {
    db: scopeToTenant(db, batch.tenantId),
    tenantId: batch.tenantId,
    timeZone: batch.tenant.timeZone,
    userId: batch.createdById,
    source: batch.source === "api" ? "api" : "web",
    locale: "zh-CN",
    tokenId: batch.createdByTokenId ?? undefined,
    via: "batch",
  };
}

async function run(batchId: string, lease: string, opts: ProcessOptions): Promise<BatchTally> {
  const tally: BatchTally = { booked: 0, refused: 0, reconciling: 0, failed: 0 };
  const batch = await db.batch.findUnique({
    where: { id: batchId },
    include: { tenant: { select: { timeZone: true } } },
  });
  if (!batch || (batch.state !== "queued" && batch.state !== "running")) return tally;
  const actor = actorOf(batch);
  await actor.db.batch.update({ where: { id: batchId }, data: { state: "running" } });
  const rows = await actor.db.batchRow.findMany({
    where: { batchId, status: { in: UNFINISHED } },
    select: { id: true, status: true, values: true },
    orderBy: { position: "asc" },
  });
  const deps = opts.deps ?? meetingDeps;
  await eachAtOnce(rows, opts.concurrency ?? BATCH_CALLS_AT_ONCE, async (row) => {
    await renewLease(lease, LEASE_MS);
    try {
      tally[await bookRow(actor, row, deps)]++;
    } catch (err) {
      // Left as it is ("booking"): the next run looks its key up and carries on.
      tally.failed++;
      logger.error({ batchId, rowId: row.id, err: String(err) }, "batch row failed");
    }
  });
  await settleReconciling(actor, batchId);
  const left = await actor.db.batchRow.count({ where: { batchId, status: { in: UNFINISHED } } });
  if (left === 0) {
    await actor.db.batch.update({
      where: { id: batchId },
      data: { state: "done", finishedAt: new Date() },
    });
    const counts = await actor.db.batchRow.groupBy({
      by: ["status"],
      where: { batchId },
      _count: { _all: true },
    });
    await actor.db.auditEvent.create({
      data: {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        source: actor.source,
        action: "batch.done",
        objectType: "Batch",
        objectId: batchId,
        diff: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
      },
    });
  }
  return tally;
}

type RowOutcome = "booked" | "refused" | "reconciling";

async function bookRow(
  actor: MeetingActor,
  row: { id: string; status: string; values: unknown },
  deps: MeetingDeps,
): Promise<RowOutcome> {
  const key = (row.values as { idempotencyKey: string }).idempotencyKey;
  const { room, ...values } = row.values as { room?: { id: number } };
  if (row.status === "booking") {
    // A run before this one died while booking it: what became of the key?
    const m = await actor.db.meeting.findFirst({
      where: { idempotencyKey: key },
      select: { id: true, syncState: true, status: true, roomId: true },
    });
    // Died before its room was asked for: the meeting keeps the room to book, and its
    // page offers the retry (as for a booking kept for reconciliation).
    if (m && room && m.roomId === null)
      await actor.db.meeting.update({ where: { id: m.id }, data: { roomId: room.id } });
    if (m) return settle(actor, row.id, m);
  }
  await actor.db.batchRow.update({ where: { id: row.id }, data: { status: "booking" } });
  // The form's door when a room comes with the meeting: the meeting first, then its room.
  const result = await bookMeetingWithRoom(actor, values, room?.id, deps);
  if (result.ok) {
    const status = result.needsReconciliation ? "reconciling" : "booked";
    // A room WeCom refused leaves the meeting booked: the refusal is the row's reason.
    const reason =
      result.room && !result.room.ok
        ? msg("batchRoomNotBooked", { reason: result.room.reason })
        : null;
    await actor.db.batchRow.update({
      where: { id: row.id },
      data: { status, bookedMeetingId: result.meetingId, reason },
    });
    return status;
  }
  if (result.meetingId) {
    // The key booked another request (an external reference reused): reported, not rebooked.
    await actor.db.batchRow.update({
      where: { id: row.id },
      data: { status: "booked", alreadyBooked: true, bookedMeetingId: result.meetingId },
    });
    return "booked";
  }
  const reason =
    result.formError ?? Object.values(result.fieldErrors).find(Boolean) ?? msg("unexpected");
  await actor.db.batchRow.update({
    where: { id: row.id },
    data: {
      status: "refused",
      reason,
      errors: Object.entries(result.fieldErrors).map(([f, message]) => ({
        field: columnOfField(f),
        message,
      })),
    },
  });
  return "refused";
}

async function settle(
  actor: MeetingActor,
  rowId: string,
  m: { id: string; syncState: string; status: string },
): Promise<RowOutcome> {
  const status: RowOutcome =
    m.status === "failed" ? "refused" : m.syncState === "in_sync" ? "booked" : "reconciling";
  await actor.db.batchRow.update({
    where: { id: rowId },
    data: {
      status,
      bookedMeetingId: m.id,
      ...(status === "refused" ? { reason: msg("batchFailedLater") } : {}),
    },
  });
  return status;
}

/** Rows waiting for WeCom to be reconciled take their meeting's outcome once it is known. */
export async function settleReconciling(actor: MeetingActor, batchId: string): Promise<void> {
  const waiting = await actor.db.batchRow.findMany({
    where: { batchId, status: "reconciling", bookedMeetingId: { not: null } },
    select: { id: true, bookedMeetingId: true },
  });
  if (waiting.length === 0) return;
  const meetings = await actor.db.meeting.findMany({
    where: { id: { in: waiting.map((w) => w.bookedMeetingId!) } },
    select: { id: true, syncState: true, status: true },
  });
  const byId = new Map(meetings.map((m) => [m.id, m]));
  for (const w of waiting) {
    const m = byId.get(w.bookedMeetingId!);
    if (m && (m.syncState === "in_sync" || m.status === "failed")) await settle(actor, w.id, m);
  }
}
