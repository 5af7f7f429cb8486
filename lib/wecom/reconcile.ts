// What to do when the answer to a state-changing call is lost (timeout, dropped
// connection): ask WeCom what happened instead of resending blindly.
import { WecomError, WecomUncertainError } from "./errors.ts";
import { MEETING_STATUS, type MeetingInfo, type UserMeetingIds } from "./schemas.ts";
import type {
  CallContext,
  CancelMeetingInput,
  CreateMeetingInput,
  UserMeetingIdsInput,
} from "./types.ts";

export interface CancelResult {
  /** True when the first cancel's answer was lost and WeCom was asked what happened. */
  reconciled: boolean;
}

interface CancelOps {
  sendCancel(input: CancelMeetingInput, ctx?: CallContext): Promise<unknown>;
  getMeetingInfo(meetingId: string, ctx?: CallContext): Promise<MeetingInfo>;
}

/**
 * A second cancel of a cancelled meeting is refused, which would report failure for a
 * success; so after a lost answer get_info says whether it took, and only if it did not
 * is the cancel sent once more. A series occurrence (subMeetingId) cannot be checked
 * that way: its uncertainty is passed on to the caller.
 */
export async function cancelReconciled(
  ops: CancelOps,
  input: CancelMeetingInput,
  ctx?: CallContext,
): Promise<CancelResult> {
  try {
    await ops.sendCancel(input, ctx);
    return { reconciled: false };
  } catch (err) {
    if (!(err instanceof WecomUncertainError) || input.subMeetingId !== undefined) throw err;
    let info: MeetingInfo;
    try {
      info = await ops.getMeetingInfo(input.meetingId, ctx);
    } catch {
      throw err;
    }
    if (info.status === MEETING_STATUS.cancelled) return { reconciled: true };
    try {
      await ops.sendCancel(input, ctx);
    } catch (second) {
      // The first cancel may have landed late, making this one "not booked".
      if (!(second instanceof WecomError)) throw second;
      const after = await ops.getMeetingInfo(input.meetingId, ctx).catch(() => null);
      if (after?.status !== MEETING_STATUS.cancelled) throw second;
    }
    return { reconciled: true };
  }
}

interface LookupOps {
  getUserMeetingIds(input: UserMeetingIdsInput, ctx?: CallContext): Promise<UserMeetingIds>;
  getMeetingInfo(meetingId: string, ctx?: CallContext): Promise<MeetingInfo>;
}

const MAX_PAGES = 20;

/**
 * Booked meetings of this app with the same admin, title, start and duration as a
 * create input. Several matches mean a duplicate exists or the person booked the same
 * meeting twice on purpose; the caller decides.
 */
export async function findMeetingsLike(
  ops: LookupOps,
  input: CreateMeetingInput,
  ctx?: CallContext,
): Promise<MeetingInfo[]> {
  const matches: MeetingInfo[] = [];
  let cursor = "0";
  for (let page = 0; page < MAX_PAGES; page++) {
    // The listing window is by meeting start; a day either side stays within the 180-day cap.
    const listed = await ops.getUserMeetingIds(
      {
        userId: input.adminUserId,
        cursor,
        beginTime: input.meetingStart - 86_400,
        endTime: input.meetingStart + 86_400,
        limit: 100,
      },
      ctx,
    );
    for (const id of listed.meetingIds) {
      const info = await ops.getMeetingInfo(id, ctx);
      if (
        info.adminUserId === input.adminUserId &&
        info.title === input.title &&
        info.meetingStart === input.meetingStart &&
        info.meetingDuration === input.meetingDuration &&
        info.status === MEETING_STATUS.booked
      ) {
        matches.push(info);
      }
    }
    if (!listed.nextCursor || listed.nextCursor === cursor) break;
    cursor = listed.nextCursor;
  }
  return matches;
}
