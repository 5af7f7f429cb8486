// "改这一次的时间": WeCom has no call that edits one occurrence (wecom-meeting-api.md,
// meeting/update: "to move one occurrence, cancel it and book a one-off"). So MeetBridge
// books a one-off with the series' settings and people at the new time, then cancels the
// occurrence (decision 018):
// - booking first: if the cancel then fails, the person has both and can cancel again;
//   the other way round a failed booking would leave the time with no meeting at all;
// - through bookMeeting, under a key derived from the series and the occurrence, so a
//   retry (a double click, a lost answer, a second tab) finds the same one-off and never
//   books twice; the one-off's movedFromOccurrenceId links it to the occurrence.
import "server-only";
import { createHash } from "node:crypto";
import { msg } from "@/lib/schemas/messages";
import { bookMeeting } from "./book-meeting";
import { cancelOccurrence, type CancelOccurrenceResult } from "./cancel-occurrence";
import { meetingDeps, type MeetingDeps } from "./deps";
import { meetingForEdit } from "./edit-values";
import type { StoredSettings } from "./stored-booking";
import type { BookingProblem, MeetingActor } from "./types";
import { openedPassword } from "./wecom-meeting";

export interface MoveOccurrenceInput {
  /** Wall-clock "YYYY-MM-DDTHH:mm" in the tenant's zone. */
  start: string;
  /** Minutes; the series' duration when unset. */
  durationMin?: number;
  reason?: string;
}

export type MoveOccurrenceResult =
  | { ok: true; oneOffId: string; cancel: CancelOccurrenceResult }
  | ({ ok: false; oneOffId?: string; cancel?: CancelOccurrenceResult } & BookingProblem);

/** The one-off's idempotency key: the same series and occurrence always give the same key. */
export function moveKey(meetingId: string, subMeetingId: string): string {
  const digest = createHash("sha256").update(`${meetingId}\0${subMeetingId}`).digest("hex");
  return `occ-move-${digest.slice(0, 40)}`;
}

export async function moveOccurrence(
  actor: MeetingActor,
  meetingId: string,
  subMeetingId: string,
  input: MoveOccurrenceInput,
  deps: MeetingDeps = meetingDeps,
): Promise<MoveOccurrenceResult> {
  const series = await meetingForEdit(actor, meetingId);
  if (!series) return { ok: false, fieldErrors: {}, formError: msg("meetingNotFound") };
  const occurrence = await actor.db.meetingOccurrence.findFirst({
    where: { meetingId, subMeetingId },
    select: { id: true, status: true },
  });
  if (!series.values.isRepeat || !occurrence)
    return { ok: false, fieldErrors: {}, formError: msg("occurrenceNotFound") };
  const key = moveKey(meetingId, subMeetingId);
  const already = await actor.db.meeting.findFirst({
    where: { idempotencyKey: key },
    select: { id: true },
  });
  // Cancelled and not by a move of ours: nothing to move any more.
  if (occurrence.status !== "booked" && !already)
    return {
      ok: false,
      fieldErrors: {},
      formError: msg("occurrenceNotCancellable", { status: occurrence.status }),
    };

  const row = await actor.db.meeting.findFirst({
    where: { id: meetingId },
    select: { settings: true },
  });
  const sealed = (row?.settings as StoredSettings | null)?.passwordSealed;
  const booked = await bookMeeting(
    actor,
    {
      ...series.values,
      idempotencyKey: key,
      start: input.start,
      durationMin: input.durationMin ?? series.values.durationMin,
      password: openedPassword(sealed, actor.tenantId) ?? "",
      isRepeat: false,
      repeatUntil: "",
    },
    deps,
  );
  if (!booked.ok) return booked;
  // The booking schema knows nothing of series; the link is written beside it, once.
  await actor.db.meeting.updateMany({
    where: { id: booked.meetingId, movedFromOccurrenceId: null },
    data: { movedFromOccurrenceId: occurrence.id },
  });
  const cancel = await cancelOccurrence(
    actor,
    meetingId,
    subMeetingId,
    { reason: input.reason, auditExtra: { movedTo: booked.meetingId } },
    deps,
  );
  if (!cancel.ok)
    return {
      ok: false,
      oneOffId: booked.meetingId,
      cancel,
      fieldErrors: {},
      formError: cancel.formError,
      wecom: cancel.wecom,
    };
  return { ok: true, oneOffId: booked.meetingId, cancel };
}
