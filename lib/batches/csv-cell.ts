// Every cell of the batch's CSV files (template, result) is written through this one
// function, so that a cell Excel would run as a formula never is. The lead swaps it for
// the shared escaper (lib/csv/escape-cell.ts, h15b) when that lands: this file is the one
// place to change. Same rule as the accounts export: a leading apostrophe.
import { escapeCell } from "@/lib/accounts/csv-format";

export function csvCell(value: string | number | null | undefined): string {
  return escapeCell(value === null || value === undefined ? "" : String(value));
}
