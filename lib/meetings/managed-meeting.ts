// A meeting as edit and cancel need it: the row, its people and its app.
import "server-only";
import { ERRCODE, WecomError } from "@/lib/wecom";
import type { MeetingActor } from "./types";

export async function loadManagedMeeting(actor: MeetingActor, meetingId: string) {
  return actor.db.meeting.findFirst({
    where: { id: meetingId },
    include: {
      participants: {
        select: { role: true, wecomUserId: true, oaAccountId: true },
        orderBy: { id: "asc" },
      },
      admin: { select: { name: true } },
      app: {
        select: {
          id: true,
          name: true,
          kind: true,
          corpRowId: true,
          visibleRange: true,
          permissionCheckedAt: true,
          maxInvitees: true,
        },
      },
    },
  });
}

export type ManagedMeeting = NonNullable<Awaited<ReturnType<typeof loadManagedMeeting>>>;

/**
 * A refusal that may mean "this meeting is not booked any more" (it started, ended, or
 * was cancelled in the WeCom client). WeCom documents no errcode of its own for that;
 * it lands among the invalid-parameter codes, so get_info is asked which it was.
 */
export function isNotBookedRefusal(err: unknown): boolean {
  return (
    err instanceof WecomError &&
    (err.errcode === ERRCODE.invalidParameter || err.errcode === ERRCODE.invalidParameter2)
  );
}
