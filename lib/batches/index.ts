// lib/batches: many meetings booked at once (issue 18, decision 020). Every row goes
// through lib/meetings (checkBooking, bookMeeting) like the booking form.
export { previewSheet, type SheetPreview } from "./preview";
export { checkRows, type CheckedRow } from "./check-rows";
export { createBatch, type CreateBatchResult } from "./create-batch";
export { processBatch, processDueBatches, BATCH_CALLS_AT_ONCE } from "./process-batch";
export { loadBatch, type BatchView, type BatchRowView, type BatchRowStatus } from "./batch-view";
export type { CellError, RowDraft } from "./draft-rows";
