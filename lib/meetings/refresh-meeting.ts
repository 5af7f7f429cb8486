// The meeting page's refresh is the sync of one meeting (sync-meeting.ts): the same
// reading of WeCom, the same audit event, under the name the page has always used.
import "server-only";
export { syncMeeting as refreshMeeting, type SyncResult as RefreshResult } from "./sync-meeting";
