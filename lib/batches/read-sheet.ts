// Reads an uploaded batch sheet into cells by field, each row with its line: a CSV (UTF-8
// with or without a BOM, or GBK, decoded as the accounts import does) or an .xlsx saved by
// Excel or WPS (exceljs). Never throws: anything unreadable is a file error. Server-only
// for exceljs's weight, but pure (no database).
import "server-only";
import { unescapeCsvCell } from "@/lib/csv/escape-cell";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { decodeCsv } from "@/lib/accounts/read-csv";
import { msg } from "@/lib/schemas/messages";
import {
  fieldOfHeader,
  headerOf,
  normalHeader,
  REQUIRED_FIELDS,
  RESULT_HEADERS,
  type BatchField,
} from "./columns";

export const MAX_BATCH_BYTES = 5 * 1024 * 1024;
export const MAX_BATCH_ROWS = 1000;

export interface SheetRow {
  /** The line of the file (the header is line 1). */
  line: number;
  cells: Partial<Record<BatchField, string>>;
}

export interface ParsedSheet {
  /** The columns the file has, in its order, with its own header text. */
  columns: { field: BatchField; header: string }[];
  rows: SheetRow[];
  /** Problems with the file as a whole (encoded messages): nothing in it can be booked. */
  fileErrors: string[];
}

type Grid = { line: number; cells: string[] }[];

export async function readSheet(bytes: Uint8Array, fileName: string): Promise<ParsedSheet> {
  const fail = (m: string): ParsedSheet => ({ columns: [], rows: [], fileErrors: [m] });
  if (bytes.byteLength > MAX_BATCH_BYTES)
    return fail(msg("batchFileTooLarge", { max: MAX_BATCH_BYTES / 1024 / 1024 }));
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let grid: Grid | string;
  if (isZip || /\.xlsx$/i.test(fileName)) grid = await readXlsx(bytes);
  else grid = readCsvGrid(bytes);
  if (typeof grid === "string") return fail(grid);
  return fromGrid(grid);
}

function readCsvGrid(bytes: Uint8Array): Grid | string {
  const { text } = decodeCsv(bytes);
  try {
    const records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (err) {
    return msg("batchCsvMalformed", { line: (err as { lines?: number }).lines ?? 0 });
  }
}

async function readXlsx(bytes: Uint8Array): Promise<Grid | string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return msg("batchXlsxUnreadable");
  }
  const ws = wb.worksheets[0];
  if (!ws) return msg("batchFileEmpty");
  const grid: Grid = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    grid.push({ line, cells: Array.from(cells, (c) => c ?? "") });
  });
  return grid;
}

/** A cell as the person sees it; Excel dates are wall clocks kept as UTC. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "";
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16).replace("T", " ");
  }
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("error" in v) return String(v.error);
    return "";
  }
  return String(v);
}

function fromGrid(grid: Grid): ParsedSheet {
  const nonEmpty = grid.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [head, ...data] = nonEmpty;
  const fileErrors: string[] = [];
  if (!head) return { columns: [], rows: [], fileErrors: [msg("batchFileEmpty")] };
  if (data.length > MAX_BATCH_ROWS)
    return {
      columns: [],
      rows: [],
      fileErrors: [msg("batchTooManyRows", { max: MAX_BATCH_ROWS })],
    };

  const columns: { field: BatchField; header: string; index: number }[] = [];
  head.cells.forEach((raw, index) => {
    const header = raw.replace(/^\uFEFF/, "").trim();
    if (header === "" || RESULT_HEADERS.has(normalHeader(header))) return;
    const field = fieldOfHeader(header);
    if (!field) fileErrors.push(msg("batchHeaderUnknown", { column: header.slice(0, 40) }));
    else if (columns.some((c) => c.field === field))
      fileErrors.push(msg("batchHeaderDuplicate", { column: header.slice(0, 40) }));
    else columns.push({ field, header, index });
  });
  for (const f of REQUIRED_FIELDS)
    if (!columns.some((c) => c.field === f))
      fileErrors.push(msg("batchHeaderMissing", { column: headerOf(f, "zh-CN") }));
  if (fileErrors.length === 0 && data.length === 0) fileErrors.push(msg("batchNoRows"));
  const shown = columns.map(({ field, header }) => ({ field, header }));
  if (fileErrors.length) return { columns: shown, rows: [], fileErrors };

  const rows = data.map(({ line, cells }) => {
    const byField: Partial<Record<BatchField, string>> = {};
    for (const c of columns)
      // A result CSV pasted back has its formula-looking cells escaped: read them as typed.
      byField[c.field] = unescapeCsvCell((cells[c.index] ?? "").trim());
    return { line, cells: byField };
  });
  return { columns: shown, rows, fileErrors: [] };
}
