// Every cell of the batch's CSV files (template, result) goes through the one escaper
// MeetBridge writes CSV cells with (lib/csv/escape-cell.ts); empty values as "".
import { escapeCsvCell } from "@/lib/csv/escape-cell";

export function csvCell(value: string | number | null | undefined): string {
  return escapeCsvCell(value === null || value === undefined ? "" : String(value));
}
