// The upload parser as an attacker or a careless spreadsheet would feed it (fast-check):
// it never throws, and whatever a row holds ends as the booking form's values or as an
// error at a cell (or at the file), never as something unchecked.
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { bookingSchema } from "@/lib/schemas/booking";
import { decodeMsg } from "@/lib/schemas/messages";
import { BATCH_FIELDS, columnOfField, headerOf } from "./columns";
import { draftsFromSheet } from "./draft-rows";
import { readSheet } from "./read-sheet";

/** A tenant with one app, one person and one room, enough for the cells to name something real. */
const fakeDb = {
  app: {
    findMany: async () => [
      { id: "app-1", name: "会议助手", corpRowId: "corp-1", roomPermission: "granted" },
    ],
  },
  meetingRoom: {
    findMany: async () => [{ corpRowId: "corp-1", roomId: 7, name: "长江", needApproval: false }],
  },
  oaAccount: {
    findMany: async () => [{ id: "acct-1", jobNumber: "E1005" }],
    groupBy: async () => [{ department: "研发部" }],
  },
} as unknown as TenantDb;

const header = BATCH_FIELDS.map((f) => headerOf(f, "zh-CN"));
// Cells that look like what people type, and anything at all.
const cell = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.constantFrom(
    "会议助手",
    "E1005",
    "2026-13-40 25:61",
    "=cmd|' /C calc'!A0",
    "每周",
    "-1",
    "１２",
    "长江",
    "7",
  ),
  fc.string({ maxLength: 30 }),
);

async function checkEveryRow(bytes: Uint8Array, name: string) {
  const sheet = await readSheet(bytes, name);
  if (sheet.fileErrors.length) return;
  const drafts = await draftsFromSheet(fakeDb, sheet.rows);
  const schema = bookingSchema({ timeZone: "Asia/Shanghai" });
  for (const d of drafts) {
    // A room cell of a known app names the room, or says at its cell why it cannot.
    if (d.cells.room && d.values.appId)
      expect(d.room !== null).toBe(!d.errors.some((e) => e.field === "room"));
    else expect(d.room).toBeNull();
    if (d.room) expect(d.room).toEqual({ id: 7, name: "长江" });
    const parsed = schema.safeParse({ ...d.values, idempotencyKey: "fuzz-key-1" });
    if (parsed.success) continue;
    // Every problem the form's schema finds lands in a column the sheet has.
    for (const issue of parsed.error.issues) {
      const column = columnOfField(String(issue.path[0]));
      expect(column, `${String(issue.path[0])}: ${issue.message}`).not.toBe("");
      expect(decodeMsg(issue.message).key).toMatch(/^[a-zA-Z]+$/);
    }
  }
}

describe("reading a batch sheet", () => {
  it("never throws on any bytes, as CSV or as .xlsx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), async (bytes, xlsx) => {
        const input = xlsx ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        const sheet = await readSheet(input, xlsx ? "x.xlsx" : "x.csv");
        expect(sheet.fileErrors.length > 0 || sheet.rows.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("turns any cells (UTF-8 or GBK) into the form's values or errors at their cells", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(cell, { minLength: BATCH_FIELDS.length, maxLength: BATCH_FIELDS.length }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.boolean(),
        async (rows, gbk) => {
          const text = stringify([header, ...rows]);
          const bytes = gbk ? iconv.encode(text, "gbk") : new TextEncoder().encode(text);
          await checkEveryRow(bytes, "fuzz.csv");
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads an .xlsx saved with dates, numbers and rich text as the cells show", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("会议");
    ws.addRow(["应用", "管理员工号", "会议标题", "开始时间", "时长（分钟）", "参会人"]);
    ws.addRow([
      "会议助手",
      "E1005",
      { richText: [{ text: "周" }, { text: "例会" }] },
      new Date(Date.UTC(2026, 11, 8, 10, 0)),
      60,
      "E1005 研发部",
    ]);
    const sheet = await readSheet(new Uint8Array(await wb.xlsx.writeBuffer()), "w.xlsx");
    expect(sheet.fileErrors).toEqual([]);
    expect(sheet.rows).toEqual([
      {
        line: 2,
        cells: {
          app: "会议助手",
          admin: "E1005",
          title: "周例会",
          start: "2026-12-08 10:00",
          duration: "60",
          invitees: "E1005 研发部",
        },
      },
    ]);
  });

  it("says what is wrong with a file as a whole", async () => {
    const read = async (text: string) =>
      (await readSheet(new TextEncoder().encode(text), "f.csv")).fileErrors.map(
        (m) => decodeMsg(m).key,
      );
    expect(await read("")).toEqual(["batchFileEmpty"]);
    expect(await read("应用,会议标题\n")).toEqual(["batchHeaderMissing", "batchHeaderMissing"]);
    expect(await read("应用,管理员工号,会议标题,开始时间,颜色\n")).toEqual(["batchHeaderUnknown"]);
    expect(await read("app,admin,title,start\n")).toEqual(["batchNoRows"]);
    expect(await read('app,admin,title,start\n"a,b\n')).toEqual(["batchCsvMalformed"]);
  });
});
