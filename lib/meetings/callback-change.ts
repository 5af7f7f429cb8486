// A meeting_change callback applied to the meeting it names, through the same paths as
// the sync (the actor's source is "callback", so that is what the audit trail says):
// - modify_meeting / cancel_meeting say only THAT the meeting changed, not how: it is
//   read again with get_info and written by syncMeeting, field by field;
// - meeting_start / meeting_end say everything there is to say (the status), so no
//   get_info: the status moves, conditional on the version read, with one audit event.
//   A recurring meeting is the exception: one occurrence starting or ending is not the
//   series', so it is read again like a modification;
// - other change types (roles, recordings, …) are only recorded by the caller.
import "server-only";
import { auditMeeting } from "./audit";
import { meetingDeps, type MeetingDeps } from "./deps";
import { syncMeeting } from "./sync-meeting";
import type { MeetingActor } from "./types";

/** What applying a change did, as CallbackEvent.outcome records it. */
export type CallbackChangeOutcome =
  | "updated"
  | "unchanged"
  | "recorded"
  /** a MeetBridge call holds the row: the periodic sync reads it once that call is done */
  | "busy"
  | "gone"
  | "failed";

const STATUS_MOVES: Record<string, { from: readonly string[]; to: "in_progress" | "ended" }> = {
  meeting_start: { from: ["booked"], to: "in_progress" },
  meeting_end: { from: ["booked", "in_progress"], to: "ended" },
};

export const CHANGES_READ_AGAIN: ReadonlySet<string> = new Set([
  "modify_meeting",
  "cancel_meeting",
]);

export async function applyCallbackChange(
  actor: MeetingActor,
  meetingId: string,
  changeType: string | null,
  deps: MeetingDeps = meetingDeps,
): Promise<{ outcome: CallbackChangeOutcome; error?: string }> {
  const move = changeType ? STATUS_MOVES[changeType] : undefined;
  if (!changeType || (!move && !CHANGES_READ_AGAIN.has(changeType))) return { outcome: "recorded" };

  if (move) {
    const row = await actor.db.meeting.findFirst({
      where: { id: meetingId },
      select: { id: true, status: true, version: true, syncState: true, isRepeat: true },
    });
    if (!row) return { outcome: "gone" };
    if (!row.isRepeat) {
      if (row.syncState === "pending") return { outcome: "busy" };
      if (!move.from.includes(row.status)) return { outcome: "unchanged" };
      const moved = await actor.db.meeting.updateMany({
        where: { id: row.id, version: row.version, status: row.status, syncState: row.syncState },
        data: { status: move.to, version: { increment: 1 } },
      });
      if (moved.count === 0) return { outcome: "busy" };
      await auditMeeting(actor, row.id, "meeting.sync", {
        status: { from: row.status, to: move.to },
      });
      return { outcome: "updated" };
    }
  }

  const r = await syncMeeting(actor, meetingId, deps);
  if (r.ok) return { outcome: r.changed.length || r.settled ? "updated" : "unchanged" };
  if (r.reason === "failed")
    return { outcome: "failed", error: r.failure ? JSON.stringify(r.failure) : undefined };
  return { outcome: r.reason === "gone" ? "gone" : r.reason === "busy" ? "busy" : "recorded" };
}
