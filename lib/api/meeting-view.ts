// A meeting as the API answers it: the booking form's values as the edit form loads them
// (lib/meetings/edit-values.ts) and what WeCom gave it (meetingid, code, link).
import { listOccurrences, meetingForEdit, refreshMeeting } from "@/lib/meetings";
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
  const known = await actor.db.meeting.findFirst({
    where: { id: meetingId },
    select: {
      wecomMeetingId: true,
      meetingCode: true,
      isRepeat: true,
      occurrences: { select: { id: true }, take: 1 },
    },
  });
  // A series' occurrences (and their sub_meetingids) come only from get_info: a series
  // with none stored yet is read once, as a meeting missing its code is.
  const occurrencesUnknown = known?.isRepeat === true && known.occurrences.length === 0;
  if (known?.wecomMeetingId && (!known.meetingCode || occurrencesUnknown))
    await refreshMeeting(actor, meetingId, deps).catch(() => null);
  return meetingView(actor, meetingId);
}

export async function meetingView(actor: MeetingActor, meetingId: string): Promise<Meeting | null> {
  const [edit, m, occurrences] = await Promise.all([
    meetingForEdit(actor, meetingId),
    actor.db.meeting.findFirst({
      where: { id: meetingId },
      select: {
        syncState: true,
        wecomMeetingId: true,
        meetingCode: true,
        meetingLink: true,
        startAt: true,
        createdByTokenId: true,
        roomId: true,
        roomBookingId: true,
        roomConflicts: true,
        roomError: true,
        app: { select: { name: true, corpRowId: true } },
        movedFromOccurrence: { select: { meetingId: true, subMeetingId: true } },
      },
    }),
    listOccurrences(actor.db, meetingId),
  ]);
  if (!edit || !m) return null;
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
    room: await meetingRoomInfo(actor, m),
    occurrences: occurrences.map((o) => ({
      subMeetingId: o.subMeetingId,
      startAt: o.startAt.toISOString(),
      endAt: o.endAt.toISOString(),
      status: o.status,
      movedToMeetingId: o.movedTo?.id ?? null,
    })),
    movedFromOccurrence: m.movedFromOccurrence,
  };
}
