import { stringify } from "csv-stringify/sync";

// The one guard for every CSV cell MeetBridge writes (the meetings export, the accounts
// export, and any later download): a cell that a spreadsheet would run as a formula is
// written as text, with a leading apostrophe (OWASP "CSV Injection"). Excel, WPS and
// LibreOffice start a formula at =, +, -, @, and after a leading tab or carriage return;
// numbers are not spared (`-1+cmd|' /C calc'!A0` starts with a digit after the minus),
// so "+86 138…" and "-5" are quoted too. A cell that itself starts with an apostrophe
// gets one more, so that reading back (unescapeCsvCell) returns every cell unchanged.

const TRIGGER = /^[=+\-@\t\r]/;

/** The cell as written to a CSV file: never a formula. */
export function escapeCsvCell(cell: string): string {
  return TRIGGER.test(cell) || cell.startsWith("'") ? `'${cell}` : cell;
}

/**
 * A cell of a file read back (the accounts import): takes off the apostrophe that
 * escapeCsvCell added. An apostrophe before ordinary text, as a person may type it, stays.
 */
export function unescapeCsvCell(cell: string): string {
  if (!cell.startsWith("'")) return cell;
  const rest = cell.slice(1);
  return TRIGGER.test(rest) || rest.startsWith("'") ? rest : cell;
}

/** CSV lines for rows of cells, each escaped; numbers are written as their text. */
export function csvRows(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(rows.map((row) => row.map((cell) => escapeCsvCell(String(cell)))));
}
