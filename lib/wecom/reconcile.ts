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

/** What findMeetingsLike saw. */
export interface MeetingsLike {
  /** This app's meetings, in any status but cancelled, with the create input's admin, title, start and duration. */
  matches: MeetingInfo[];
  /**
   * True when the page cap (MAX_PAGES) stopped the listing while WeCom still had a
   * next_cursor, or WeCom kept answering the same cursor: meetings may exist that were not looked at, so an empty `matches`
   * does not prove the create did nothing.
   */
  truncated: boolean;
}

const MAX_PAGES = 20;

/**
 * This app's meetings that match a create input: same admin, title, start and duration,
 * in any status except cancelled (4). A meeting booked by a lost create goes on to start,
 * end or expire, and is still WeCom's meeting; only a cancelled one is gone. Several
 * matches mean a duplicate exists or the person booked the same meeting twice on
 * purpose; the caller decides.
 *
 * `_ctx` is accepted so callers can pass what they pass everywhere, and deliberately not
 * forwarded: the listing and the get_info of each candidate concern other meetings too
 * (perhaps other MeetBridge Meeting rows), and tagging them with the caller's Meeting id
 * would put foreign calls in that meeting's append-only call log. They are logged
 * without a meeting.
 */
export async function findMeetingsLike(
  ops: LookupOps,
  input: CreateMeetingInput,
  _ctx?: CallContext,
): Promise<MeetingsLike> {
  const matches: MeetingInfo[] = [];
  let cursor = "0";
  for (let page = 0; page < MAX_PAGES; page++) {
    // The listing window is by meeting start; a day either side stays within the 180-day
    // cap. end_time bounds only past meetings (api doc): for a future start WeCom lists
    // every later meeting of the admin too, so matching is by get_info, never by the window.
    const listed = await ops.getUserMeetingIds({
      userId: input.adminUserId,
      cursor,
      beginTime: input.meetingStart - 86_400,
      endTime: input.meetingStart + 86_400,
      limit: 100,
    });
    for (const id of listed.meetingIds) {
      const info = await ops.getMeetingInfo(id);
      if (
        info.adminUserId === input.adminUserId &&
        info.title === input.title &&
        info.meetingStart === input.meetingStart &&
        info.meetingDuration === input.meetingDuration &&
        info.status !== MEETING_STATUS.cancelled
      ) {
        matches.push(info);
      }
    }
    // A cursor that does not move ends the listing too (it would list the same page again).
    if (!listed.nextCursor) return { matches, truncated: false };
    // A cursor that does not move means the listing cannot be finished: not "nothing found".
    if (listed.nextCursor === cursor) return { matches, truncated: true };
    cursor = listed.nextCursor;
  }
  return { matches, truncated: true };
}
