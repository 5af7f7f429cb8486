// Cancelling several meetings at once (the list's bulk cancel): each one through
// cancelMeeting, a few at a time so WeCom's per-corp limits are never pressed, and
// each with its own outcome: one failure does not stop the others.
import "server-only";
import { msg } from "@/lib/schemas/messages";
import { cancelMeeting, type CancelResult } from "./cancel-meeting";
import { meetingDeps, type MeetingDeps } from "./deps";
import type { MeetingActor } from "./types";
import { errorText, logger } from "@/lib/observability/logger";

/** At most this many meetings in one bulk cancel. */
export const BULK_CANCEL_MAX = 200;
/** Cancels in flight at once. */
const CONCURRENCY = 4;

export type BulkCancelResult =
  CancelResult | { ok: false; error: "forbidden" | "not_found" | "unexpected"; formError: string };

export interface BulkCancelOptions {
  reason?: string;
  /** Whether the actor may cancel this meeting (the role check); every meeting when unset. */
  mayManage?: (meeting: { createdById: string | null }) => boolean;
}

/** One result per distinct id, in the order given. Throws for more than BULK_CANCEL_MAX ids. */
export async function cancelMeetings(
  actor: MeetingActor,
  ids: readonly string[],
  opts: BulkCancelOptions = {},
  deps: MeetingDeps = meetingDeps,
): Promise<{ meetingId: string; result: BulkCancelResult }[]> {
  const unique = [...new Set(ids)];
  if (unique.length > BULK_CANCEL_MAX)
    throw new RangeError(`at most ${BULK_CANCEL_MAX} meetings at once, got ${unique.length}`);
  const results = unique.map((meetingId) => ({
    meetingId,
    result: { ok: false, error: "unexpected", formError: msg("unexpected") } as BulkCancelResult,
  }));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < unique.length; i = next++) {
      try {
        results[i]!.result = await cancelOne(actor, unique[i]!, opts, deps);
      } catch (err) {
        // Recorded as "unexpected" (set above); the others go on.
        logger.error(
          { meetingId: unique[i], err: errorText(err) },
          "bulk cancel of a meeting failed",
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
  return results;
}

async function cancelOne(
  actor: MeetingActor,
  meetingId: string,
  opts: BulkCancelOptions,
  deps: MeetingDeps,
): Promise<BulkCancelResult> {
  if (opts.mayManage) {
    const m = await actor.db.meeting.findFirst({
      where: { id: meetingId },
      select: { createdById: true },
    });
    if (!m) return { ok: false, error: "not_found", formError: msg("meetingNotFound") };
    if (!opts.mayManage(m))
      return { ok: false, error: "forbidden", formError: msg("manageForbidden") };
  }
  return cancelMeeting(actor, meetingId, { reason: opts.reason }, deps);
}
