// A meeting as the API answers it: the booking form's values as the edit form loads them
// (lib/meetings/edit-values.ts) and what WeCom gave it (meetingid, code, link).
import { editValuesOf, listOccurrences, refreshMeeting } from "@/lib/meetings";
import { loadManagedMeeting } from "@/lib/meetings/managed-meeting";
import type { MeetingDeps } from "@/lib/meetings/deps";
import type { MeetingActor } from "@/lib/meetings/types";
import { meetingRoomInfo } from "./room-info";
import type { Meeting } from "./schemas";

/**
 * The meeting, read from WeCom first when its code is not known yet (an answer to
 * meeting/create without it) or when it is a series never read (its occurrences), as the
 * meeting page does. A WeCom that does not answer leaves them unknown for now.
 */
export async function meetingViewWithCode(
  actor: MeetingActor,
  meetingId: string,
  deps: MeetingDeps,
): Promise<Meeting | null> {
  const view = await meetingView(actor, meetingId);
  // A series' occurrences (and their sub_meetingids) come only from get_info: a series
  // with none stored yet is read once, as a meeting missing its code is.
  const occurrencesUnknown = view?.isRepeat === true && view.occurrences.length === 0;
  if (!view?.wecomMeetingId || (view.meetingCode && !occurrencesUnknown)) return view;
  const refreshed = await refreshMeeting(actor, meetingId, deps).catch(() => null);
  return refreshed === null ? view : meetingView(actor, meetingId);
}

/**
 * The meeting as the API answers it, from one read of the meeting and its people; its
 * occurrences, the one it replaces and its room are read only when it has them.
 */
export async function meetingView(actor: MeetingActor, meetingId: string): Promise<Meeting | null> {
  const m = await loadManagedMeeting(actor, meetingId);
  if (!m) return null;
  const edit = editValuesOf(actor, m);
  const [occurrences, movedFromOccurrence, room] = await Promise.all([
    m.isRepeat ? listOccurrences(actor.db, meetingId) : [],
    m.movedFromOccurrenceId
      ? actor.db.meetingOccurrence.findFirst({
          where: { id: m.movedFromOccurrenceId },
          select: { meetingId: true, subMeetingId: true },
        })
      : null,
    meetingRoomInfo(actor, m),
  ]);
  const { idempotencyKey: _key, password: _password, ...values } = edit.values;
  return {
    id: edit.meetingId,
    version: edit.version,
    status: edit.status,
    needsReconciliation: m.syncState === "needs_reconciliation",
    wecomMeetingId: m.wecomMeetingId,
    meetingCode: m.meetingCode,
    meetingLink: m.meetingLink,
    ...values,
    startAt: m.startAt.toISOString(),
    timeZone: actor.timeZone,
    unmappedParticipants: edit.unmapped,
    hasPassword: edit.hasPassword,
    bookedByThisKey: actor.tokenId !== undefined && m.createdByTokenId === actor.tokenId,
    room,
    occurrences: occurrences.map((o) => ({
      subMeetingId: o.subMeetingId,
      startAt: o.startAt.toISOString(),
      endAt: o.endAt.toISOString(),
      status: o.status,
      movedToMeetingId: o.movedTo?.id ?? null,
    })),
    movedFromOccurrence,
  };
}
