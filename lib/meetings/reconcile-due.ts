// The reconcile sweep: every booking whose WeCom answer was lost, or whose process died
// before recording it (pending past the grace period), across all tenants. Run by the
// job scheduler under a lease, so once per interval however many instances run.
import "server-only";
import { db } from "@/lib/db/client";
import { meetingDeps, reconcileGraceMs, type MeetingDeps } from "./deps";
import { reconcileMeeting, type ReconcileOutcome } from "./reconcile-meeting";
import { systemActor } from "./system-actor";
import { errorText, logger } from "@/lib/observability/logger";

const BATCH = 50;

export async function reconcileDueMeetings(
  deps: MeetingDeps = meetingDeps,
): Promise<Partial<Record<ReconcileOutcome | "error", number>>> {
  const graceMs = reconcileGraceMs(deps);
  const due = await db.meeting.findMany({
    where: {
      wecomMeetingId: null,
      status: "booked",
      OR: [
        { syncState: "needs_reconciliation" },
        { syncState: "pending", updatedAt: { lt: new Date(Date.now() - graceMs) } },
      ],
    },
    select: { id: true, tenant: { select: { id: true, timeZone: true } } },
    orderBy: { startAt: "asc" },
    take: BATCH,
  });
  const tally: Partial<Record<ReconcileOutcome | "error", number>> = {};
  for (const m of due) {
    let outcome: ReconcileOutcome | "error";
    try {
      outcome = await reconcileMeeting(systemActor(m.tenant), m.id, { rebook: true }, deps);
    } catch (err) {
      logger.error({ meetingId: m.id, err: errorText(err) }, "reconcile of a meeting failed");
      outcome = "error";
    }
    tally[outcome] = (tally[outcome] ?? 0) + 1;
  }
  return tally;
}
