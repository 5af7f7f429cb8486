// Cancelling a booked meeting: the one path every door takes (the meeting page, the
// list's bulk cancel, the HTTP API). meeting/cancel is never resent blindly: the client
// asks get_info after a lost answer (lib/wecom/reconcile.ts). The row's version is
// claimed first, so an edit saved meanwhile is not overwritten by a stale page and a
// cancel racing an edit is told to reload.
import "server-only";
import { normaliseCancelReason } from "@/lib/schemas/cancel-reason";
import { msg } from "@/lib/schemas/messages";
import {
  describeWecomError,
  ERRCODE,
  toWecomFailure,
  WecomConfigError,
  WecomError,
  WecomTransportError,
  WecomUncertainError,
  type CancelResult as WecomCancelResult,
} from "@/lib/wecom";
import { auditMeeting } from "./audit";
import { releaseRoom } from "./book-room";
import { meetingDeps, type MeetingDeps } from "./deps";
import { isNotBookedRefusal } from "./managed-meeting";
import { refreshMeeting } from "./refresh-meeting";
import { statusOf, type MeetingStatusName } from "./status";
import type { MeetingActor, WecomProblem } from "./types";
import { wecomProblemOf } from "./wecom-refusal";

export type CancelResult =
  | {
      ok: true;
      /** The first answer was lost and WeCom was asked whether the cancel took. */
      reconciled: boolean;
    }
  | {
      ok: false;
      /** The meeting is not booked (any more, or not yet confirmed): its true status. */
      notCancellable?: MeetingStatusName;
      /** expectedVersion is stale, or an edit is being saved right now: reload. */
      conflict?: boolean;
      /** An encoded message key (lib/schemas/messages.ts). */
      formError: string;
      /** WeCom refused (its errcode) or could not be reached. */
      wecom?: WecomProblem;
    };

export interface CancelOptions {
  /** Kept in the audit trail, trimmed, at most 200 characters. */
  reason?: string;
  /** The version the person saw; omitted (bulk cancel), the current one is claimed. */
  expectedVersion?: number;
}

export async function cancelMeeting(
  actor: MeetingActor,
  meetingId: string,
  opts: CancelOptions,
  deps: MeetingDeps = meetingDeps,
): Promise<CancelResult> {
  const m = await actor.db.meeting.findFirst({
    where: { id: meetingId },
    select: {
      id: true,
      appId: true,
      wecomMeetingId: true,
      status: true,
      syncState: true,
      version: true,
    },
  });
  if (!m) return { ok: false, formError: msg("meetingNotFound") };
  const refusal = notCancellable(m.status, m.wecomMeetingId);
  if (refusal) return refusal;
  const version = opts.expectedVersion ?? m.version;
  // A stale page, or an edit of this meeting in flight (pending): decide again after it.
  if (m.version !== version || m.syncState === "pending")
    return { ok: false, conflict: true, formError: msg("editConflict") };

  const client = await deps.clientFor(actor.db, m.appId);
  const claimed = await actor.db.meeting.updateMany({
    where: { id: m.id, version, status: "booked", syncState: { not: "pending" } },
    data: { version: { increment: 1 }, syncState: "pending" },
  });
  if (claimed.count === 0) {
    const now = await actor.db.meeting.findFirst({
      where: { id: m.id },
      select: { status: true, wecomMeetingId: true },
    });
    if (!now) return { ok: false, formError: msg("meetingNotFound") };
    return (
      notCancellable(now.status, now.wecomMeetingId) ?? {
        ok: false,
        conflict: true,
        formError: msg("editConflict"),
      }
    );
  }

  let result: WecomCancelResult;
  try {
    result = await client.cancelMeeting({ meetingId: m.wecomMeetingId! }, { meetingId: m.id });
  } catch (err) {
    if (err instanceof WecomUncertainError) {
      // Sent, the answer lost, and get_info could not say either: WeCom may have it
      // cancelled or not. The row stays booked, visibly unsettled, for the sync.
      await actor.db.meeting.update({
        where: { id: m.id },
        data: { syncState: "needs_reconciliation", syncError: JSON.stringify(toWecomFailure(err)) },
      });
      await auditMeeting(actor, m.id, "meeting.cancel.uncertain", reasonOf(opts));
      return { ok: false, formError: msg("cancelUncertain"), wecom: { unreachable: true } };
    }
    await actor.db.meeting.update({
      where: { id: m.id },
      data: { version, syncState: m.syncState },
    });
    if (err instanceof WecomError && err.errcode === ERRCODE.authorisationRevoked)
      await actor.db.app.updateMany({
        where: { id: m.appId, status: "active" },
        data: { status: "unauthorised" },
      });
    if (isNotBookedRefusal(err)) {
      const now = await refreshMeeting(actor, m.id, deps);
      if (now.ok && statusOf(now.info.status) !== "booked")
        return notCancellable(statusOf(now.info.status), m.wecomMeetingId)!;
    }
    // A WeCom refusal, a request WeCom never took (HTTP 4xx), a missing credential.
    if (
      err instanceof WecomError ||
      err instanceof WecomTransportError ||
      err instanceof WecomConfigError
    )
      return {
        ok: false,
        formError: msg("wecom", { text: describeWecomError(err, actor.locale) }),
        wecom: wecomProblemOf(err),
      };
    throw err;
  }

  await actor.db.meeting.update({
    where: { id: m.id },
    data: {
      status: "cancelled",
      cancelledAt: new Date(),
      syncState: "in_sync",
      syncError: null,
      ...(result.reconciled ? { lastSyncedAt: new Date() } : {}),
    },
  });
  await auditMeeting(actor, m.id, "meeting.cancel", {
    ...reasonOf(opts),
    wecomMeetingId: m.wecomMeetingId,
    ...(result.reconciled ? { reconciled: true } : {}),
  });
  // The room goes with the meeting (cancel_book); a failure is kept on the meeting.
  await releaseRoom(actor, m.id, { keepRoom: true }, deps);
  return { ok: true, reconciled: result.reconciled };
}

function reasonOf(opts: CancelOptions): { reason?: string } {
  const reason = normaliseCancelReason(opts.reason);
  return reason ? { reason } : {};
}

function notCancellable(
  status: MeetingStatusName,
  wecomMeetingId: string | null,
): Extract<CancelResult, { ok: false }> | undefined {
  if (status !== "booked")
    return { ok: false, notCancellable: status, formError: msg("notCancellable", { status }) };
  // The create's answer was lost and is not reconciled: there is no WeCom meeting to name.
  if (!wecomMeetingId) return { ok: false, notCancellable: status, formError: msg("notConfirmed") };
  return undefined;
}
