// An uploaded sheet, read and checked: what the preview shows and what a confirmed batch
// books. Nothing here books anything: the only WeCom call is the rooms' day bookings read
// (get_booking_info, as the form's room picker) for the rows that name a room.
import "server-only";
import type { MeetingDeps } from "@/lib/meetings/deps";
import type { MeetingActor } from "@/lib/meetings/types";
import { checkRows, type CheckedRow } from "./check-rows";
import { draftsFromSheet } from "./draft-rows";
import { readSheet, type ParsedSheet } from "./read-sheet";

export interface SheetPreview {
  columns: ParsedSheet["columns"];
  fileErrors: string[];
  rows: CheckedRow[];
}

export async function previewSheet(
  actor: MeetingActor,
  bytes: Uint8Array,
  fileName: string,
  deps?: Pick<MeetingDeps, "nowSec">,
): Promise<SheetPreview> {
  const sheet = await readSheet(bytes, fileName);
  if (sheet.fileErrors.length)
    return { columns: sheet.columns, fileErrors: sheet.fileErrors, rows: [] };
  const drafts = await draftsFromSheet(actor.db, sheet.rows);
  return { columns: sheet.columns, fileErrors: [], rows: await checkRows(actor, drafts, deps) };
}
