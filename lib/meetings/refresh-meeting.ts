// The meeting page's refresh is the sync of one meeting (sync-meeting.ts): the same
// reading of WeCom, the same audit event, under the name the page has always used.
import "server-only";
export { syncMeeting as refreshMeeting, type SyncResult as RefreshResult } from "./sync-meeting";

/** A page view reads WeCom again only when the last read is older than this: a save, its
 * redirect and the refreshes that follow would otherwise each call get_info within a
 * second. "Sync now" always reads. */
export const VIEW_REFRESH_AFTER_SEC = 15;

/** Whether a page view should read the meeting from WeCom: always while its code is
 * unknown (an answer to meeting/create without it) or while a series has none of its
 * occurrences stored (only get_info lists them), then once the last read is stale. */
export function viewNeedsRefresh(
  m: {
    lastSyncedAt: Date | null;
    meetingCode: string | null;
    isRepeat?: boolean;
    occurrenceCount?: number;
  },
  nowSec: number,
): boolean {
  if (!m.meetingCode || !m.lastSyncedAt) return true;
  if (m.isRepeat && m.occurrenceCount === 0) return true;
  return nowSec - m.lastSyncedAt.getTime() / 1000 >= VIEW_REFRESH_AFTER_SEC;
}
