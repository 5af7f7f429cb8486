// Reads an accounts CSV (csv-format.ts) into rows validated by the account form's own
// schema, with each problem at its line and column. Pure: no database.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { accountSchema, type AccountTextField, type AccountValues } from "@/lib/schemas/account";
import { msg } from "@/lib/schemas/messages";
import { unescapeCsvCell } from "@/lib/csv/escape-cell";
import { readHeader, readStatus, type CsvColumn, type CsvCorp } from "./csv-format";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export type CsvEncoding = "utf-8" | "gbk";

/**
 * UTF-8 (with or without a BOM) when the bytes are valid UTF-8, else GBK, which is what
 * Excel writes for "CSV" on Chinese Windows (decoded as GB18030, its superset).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(body), "gb18030"), encoding: "gbk" };
  }
}

export interface CsvRow {
  /** Line of the file (the header is line 1). */
  line: number;
  values: AccountValues;
  /** The text fields the file has a column for (others are left alone). */
  fields: ReadonlySet<AccountTextField>;
  /** The status cell: undefined when blank or when there is no status column. */
  active?: boolean;
}

export interface RowError {
  line: number;
  /** The column's header as the file spells it ("" for the whole row). */
  column: string;
  /** Encoded message (lib/schemas/messages.ts), "accountsAdmin.errors". */
  message: string;
}

export interface ReadCsvResult {
  encoding: CsvEncoding;
  columns: CsvColumn[];
  rows: CsvRow[];
  errors: RowError[];
  /** Problems with the file as a whole: nothing in it can be imported. */
  fileErrors: string[];
}

type ParsedRecord = { record: string[]; info: { lines: number } };

export function readAccountsCsv(bytes: Uint8Array, corps: CsvCorp[]): ReadCsvResult {
  const empty = (fileErrors: string[], encoding: CsvEncoding = "utf-8"): ReadCsvResult => ({
    encoding,
    columns: [],
    rows: [],
    errors: [],
    fileErrors,
  });
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    return empty([msg("fileTooLarge", { max: MAX_IMPORT_BYTES / 1024 / 1024 })]);
  const { text, encoding } = decodeCsv(bytes);
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    return empty([msg("csvMalformed", { line })], encoding);
  }
  const [head, ...data] = records.filter((r) => r.record.some((c) => c.trim() !== ""));
  if (!head) return empty([msg("fileEmpty")], encoding);
  if (data.length > MAX_IMPORT_ROWS)
    return empty([msg("tooManyRows", { max: MAX_IMPORT_ROWS })], encoding);
  const { columns, errors: headerErrors } = readHeader(head.record, corps);
  if (headerErrors.length) return { ...empty(headerErrors, encoding), columns };
  if (data.length === 0) return { ...empty([msg("noRows")], encoding), columns };

  const rows: CsvRow[] = [];
  const errors: RowError[] = [];
  const headerOf = (field: string, corpRowId?: string) =>
    columns.find((c) =>
      corpRowId
        ? c.kind === "userId" && c.corpRowId === corpRowId
        : c.kind === "field" && c.field === field,
    )?.header ?? "";

  for (const { record, info } of data) {
    const line = info.lines;
    const input = { name: "", jobNumber: "", email: "", mobile: "", department: "" };
    const userIds: { [corpRowId: string]: string } = {};
    const fields = new Set<AccountTextField>();
    let active: boolean | undefined;
    let rowOk = true;
    columns.forEach((c, i) => {
      const cell = unescapeCsvCell(record[i] ?? "");
      if (c.kind === "userId") userIds[c.corpRowId] = cell;
      else if (c.kind === "field" && c.field === "status") {
        const s = readStatus(cell);
        if (s === null) {
          rowOk = false;
          errors.push({ line, column: c.header, message: msg("statusInvalid", { value: cell }) });
        } else active = s;
      } else if (c.kind === "field") {
        const field = c.field as AccountTextField;
        input[field] = cell;
        fields.add(field);
      } else if (cell.trim() !== "" && c.header === "") {
        rowOk = false;
        errors.push({ line, column: "", message: msg("extraCell", { value: cell.slice(0, 40) }) });
      }
    });
    if (record.length > columns.length && record.slice(columns.length).some((c) => c.trim())) {
      rowOk = false;
      errors.push({ line, column: "", message: msg("tooManyCells") });
    }
    const parsed = accountSchema.safeParse({ ...input, userIds });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, corpRowId] = issue.path.map(String);
        errors.push({
          line,
          column: field === "userIds" ? headerOf("", corpRowId) : headerOf(field ?? ""),
          message: issue.message,
        });
      }
      continue;
    }
    if (rowOk) rows.push({ line, values: parsed.data, fields, active });
  }
  return { encoding, columns, rows, errors, fileErrors: [] };
}
