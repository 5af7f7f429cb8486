// lib/meetings: the single door to the meeting domain. The booking form, the list, sync,
// callbacks and the HTTP API all come through these functions.
export { bookMeeting } from "./book-meeting";
export { updateMeeting, type UpdateResult } from "./update-meeting";
export { cancelMeeting, type CancelResult, type CancelOptions } from "./cancel-meeting";
export {
  cancelMeetings,
  BULK_CANCEL_MAX,
  type BulkCancelResult,
  type BulkCancelOptions,
} from "./cancel-meetings";
export { editValuesOf, meetingForEdit, type MeetingForEdit } from "./edit-values";
export { reconcileMeeting, type ReconcileOutcome } from "./reconcile-meeting";
export { reconcileDueMeetings } from "./reconcile-due";
export { refreshMeeting, viewNeedsRefresh, type RefreshResult } from "./refresh-meeting";
export { syncMeeting, SYNCED_FIELDS, type SyncResult, type SyncedField } from "./sync-meeting";
export { syncDueMeetings, type SyncDueOptions, type SyncDueTally } from "./sync-due";
export { adoptMeeting, type AdoptResult } from "./adopt-meeting";
export { discoverMeetings, type DiscoverResult, type DiscoveredMeeting } from "./discover-meetings";
export { meetingDeps, type MeetingDeps } from "./deps";
export type { BookResult, MeetingActor, BookingProblem, BookingField } from "./types";
export type { MeetingStatusName } from "./status";
export { applyCallbackChange, type CallbackChangeOutcome } from "./callback-change";
export { bookMeetingWithRoom, roomAfterUpdate, retryMeetingRoom } from "./book-with-room";
export {
  bookRoomForMeeting,
  releaseRoom,
  releaseRoomForDay,
  rebookRoom,
  type RoomOutcome,
} from "./book-room";
export { syncMeetingRooms } from "./sync-rooms-of-meetings";
export {
  cancelOccurrence,
  type CancelOccurrenceResult,
  type CancelOccurrenceOptions,
} from "./cancel-occurrence";
export { moveOccurrence, moveKey, type MoveOccurrenceResult } from "./move-occurrence";
export { listOccurrences, type StoredOccurrence } from "./occurrences";
