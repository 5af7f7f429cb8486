// Cancelling one occurrence of a series: meeting/cancel with sub_meetingid
// (wecom-meeting-api.md, meeting/cancel, advanced page 98153). The one path for the meeting
// page, the HTTP API and "改这一次的时间" (move-occurrence.ts). Only an occurrence WeCom has
// listed (a stored row, occurrences.ts) can be named, only while it is booked.
//
// Idempotent: an occurrence already cancelled answers as the first cancel did, without
// calling WeCom again. A lost answer cannot be checked by get_info for one occurrence the
// way the whole meeting's can (lib/wecom/reconcile.ts), so the meeting is read again: if
// WeCom lists the occurrence cancelled, the cancel took.
//
// The occurrence's room booking for that day is released right after
// `markOccurrenceCancelled` (book-room.ts, releaseRoomForDay).
import "server-only";
import { normaliseCancelReason } from "@/lib/schemas/cancel-reason";
import { msg } from "@/lib/schemas/messages";
import {
  describeWecomError,
  WecomConfigError,
  WecomError,
  WecomTransportError,
  WecomUncertainError,
} from "@/lib/wecom";
import { auditMeeting } from "./audit";
import { meetingDeps, type MeetingDeps } from "./deps";
import { releaseRoomForDay } from "./book-room";
import { markOccurrenceCancelled } from "./occurrences";
import { syncMeeting } from "./sync-meeting";
import type { MeetingStatusName } from "./status";
import type { MeetingActor, WecomProblem } from "./types";
import { wecomProblemOf } from "./wecom-refusal";

export type CancelOccurrenceResult =
  | {
      ok: true;
      /** It was cancelled before (by MeetBridge or in the WeCom client): nothing was sent. */
      alreadyCancelled: boolean;
      subMeetingId: string;
      startAt: Date;
    }
  | {
      ok: false;
      notFound?: boolean;
      notCancellable?: MeetingStatusName;
      conflict?: boolean;
      /** An encoded message key (lib/schemas/messages.ts). */
      formError: string;
      wecom?: WecomProblem;
    };

export interface CancelOccurrenceOptions {
  /** Kept in the audit trail, trimmed, at most 200 characters. */
  reason?: string;
  /** Written to the audit event (for example the one-off that replaces it). */
  auditExtra?: Record<string, unknown>;
}

const findOccurrence = (actor: MeetingActor, meetingId: string, subMeetingId: string) =>
  actor.db.meetingOccurrence.findFirst({
    where: { meetingId, subMeetingId },
    select: { subMeetingId: true, startAt: true, endAt: true, status: true },
  });

export async function cancelOccurrence(
  actor: MeetingActor,
  meetingId: string,
  subMeetingId: string,
  opts: CancelOccurrenceOptions = {},
  deps: MeetingDeps = meetingDeps,
): Promise<CancelOccurrenceResult> {
  const m = await actor.db.meeting.findFirst({
    where: { id: meetingId },
    select: {
      id: true,
      appId: true,
      wecomMeetingId: true,
      status: true,
      isRepeat: true,
      syncState: true,
    },
  });
  if (!m) return { ok: false, notFound: true, formError: msg("meetingNotFound") };
  if (!m.isRepeat || !m.wecomMeetingId)
    return { ok: false, notFound: true, formError: msg("occurrenceNotFound") };
  const o = await findOccurrence(actor, m.id, subMeetingId);
  if (!o) return { ok: false, notFound: true, formError: msg("occurrenceNotFound") };
  const done = { ok: true as const, subMeetingId, startAt: o.startAt };
  if (o.status === "cancelled") return { ...done, alreadyCancelled: true };
  if (m.status === "cancelled" || o.status !== "booked") {
    const status = m.status === "cancelled" ? "cancelled" : o.status;
    return {
      ok: false,
      notCancellable: status,
      formError: msg("occurrenceNotCancellable", { status }),
    };
  }
  // An edit of the series in flight may move every occurrence: decide after it.
  if (m.syncState === "pending")
    return { ok: false, conflict: true, formError: msg("editConflict") };

  const reason = normaliseCancelReason(opts.reason);
  const audit = {
    subMeetingId,
    startAt: o.startAt.toISOString(),
    ...(reason ? { reason } : {}),
    ...opts.auditExtra,
  };
  try {
    const client = await deps.clientFor(actor.db, m.appId);
    await client.cancelMeeting({ meetingId: m.wecomMeetingId, subMeetingId }, { meetingId: m.id });
  } catch (err) {
    // Refused or lost: WeCom's own list says whether the occurrence is gone (a member may
    // have cancelled it meanwhile, or the lost cancel took).
    if (err instanceof WecomError || err instanceof WecomUncertainError) {
      await syncMeeting(actor, m.id, deps);
      const now = await findOccurrence(actor, m.id, subMeetingId);
      if (now?.status === "cancelled") {
        await auditMeeting(actor, m.id, "meeting.occurrence.cancel", {
          ...audit,
          reconciled: true,
        });
        return { ...done, alreadyCancelled: false };
      }
      if (err instanceof WecomUncertainError)
        return { ok: false, formError: msg("occurrenceUncertain"), wecom: { unreachable: true } };
      if (now && now.status !== "booked")
        return {
          ok: false,
          notCancellable: now.status,
          formError: msg("occurrenceNotCancellable", { status: now.status }),
        };
    }
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
  await markOccurrenceCancelled(actor.db, actor.tenantId, m.id, o);
  // The room of that day goes with it (oa/meetingroom/cancel_book with cancel_date); a
  // room WeCom keeps is no reason to undo the cancel, and the room sync finds it later.
  const room = await releaseRoomForDay(
    actor,
    m.id,
    Math.floor(o.startAt.getTime() / 1000),
    deps,
  ).catch(() => ({ released: false }));
  await auditMeeting(actor, m.id, "meeting.occurrence.cancel", {
    ...audit,
    ...(room.released ? { roomReleased: true } : {}),
  });
  return { ...done, alreadyCancelled: false };
}
