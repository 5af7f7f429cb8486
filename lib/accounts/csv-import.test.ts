import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeMsg } from "@/lib/schemas/messages";
import {
  escapeCsvCell as escapeCell,
  unescapeCsvCell as unescapeCell,
} from "@/lib/csv/escape-cell";
import { exportHeader, readHeader } from "./csv-format";
import { planImport, type ImportSnapshot } from "./plan-import";
import { decodeCsv, readAccountsCsv } from "./read-csv";

const CORP = { id: "corp-1", corpId: "wwdemo0000000001", name: "示例科技" };
const OTHER = { id: "corp-2", corpId: "wwother000000002", name: "另一家" };
const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const keys = (errors: { line: number; column: string; message: string }[]) =>
  errors.map((e) => ({ line: e.line, column: e.column, key: decodeMsg(e.message).key }));

const snapshot = (over: Partial<ImportSnapshot> = {}): ImportSnapshot => ({
  corps: [CORP],
  accounts: [
    {
      id: "a1",
      name: "李四",
      jobNumber: "E1",
      email: "lisi@example.com",
      mobile: null,
      department: "研发部",
      active: true,
    },
    {
      id: "a2",
      name: "王五",
      jobNumber: "E2",
      email: null,
      mobile: null,
      department: "产品部",
      active: true,
    },
  ],
  mappings: [
    { id: "m1", corpRowId: CORP.id, oaAccountId: "a1", wecomUserId: "lisi" },
    { id: "m2", corpRowId: CORP.id, oaAccountId: "a2", wecomUserId: "wangwu" },
  ],
  ...over,
});

describe("decoding", () => {
  it("reads UTF-8 with and without a BOM, and GBK from Excel", () => {
    const text = "姓名,工号\n张三,E9\n";
    expect(decodeCsv(utf8(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsv(withBom(text))).toEqual({ text, encoding: "utf-8" });
    const gbk = iconv.encode(text, "gbk");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    expect(decodeCsv(gbk)).toEqual({ text, encoding: "gbk" });
  });

  it("gives the same rows whatever the encoding", () => {
    const text = "姓名,工号,部门,企业微信账号\n张三,E9,研发部,zhangsan\n";
    const rows = [utf8(text), withBom(text), iconv.encode(text, "gbk")].map(
      (b) => readAccountsCsv(b, [CORP]).rows,
    );
    expect(rows[0]).toHaveLength(1);
    expect(rows[0]![0]!.values).toMatchObject({
      name: "张三",
      jobNumber: "E9",
      department: "研发部",
      userIds: { [CORP.id]: "zhangsan" },
    });
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);
  });
});

describe("the header", () => {
  it("takes Chinese or English names in any order, and a corp column per corp", () => {
    const one = readHeader(["jobNumber", "Name", "wecomUserId", "邮箱"], [CORP]);
    expect(one.errors).toEqual([]);
    expect(one.columns.map((c) => c.kind)).toEqual(["field", "field", "userId", "field"]);
    const two = readHeader(
      ["姓名", "工号", `企业微信账号:${CORP.corpId}`, `企业微信账号：${OTHER.corpId}`],
      [CORP, OTHER],
    );
    expect(two.errors).toEqual([]);
    expect(two.columns.flatMap((c) => (c.kind === "userId" ? [c.corpRowId] : []))).toEqual([
      CORP.id,
      OTHER.id,
    ]);
  });

  it("refuses unknown, duplicate, missing and ambiguous columns", () => {
    const { errors } = readHeader(["姓名", "name", "工作证", "企业微信账号"], [CORP, OTHER]);
    expect(errors.map((e) => decodeMsg(e).key).sort()).toEqual([
      "headerAmbiguousCorp",
      "headerDuplicate",
      "headerMissing",
      "headerUnknown",
    ]);
    expect(
      decodeMsg(readHeader(["姓名", "工号", "企业微信账号:wwnope"], [CORP]).errors[0]).key,
    ).toBe("headerUnknownCorp");
  });

  it("exports the header the import reads back", () => {
    for (const corps of [[CORP], [CORP, OTHER]]) {
      for (const locale of ["zh-CN", "en"] as const) {
        const { header } = exportHeader(corps, locale);
        expect(readHeader(header, corps).errors).toEqual([]);
      }
    }
    expect(exportHeader([CORP], "zh-CN").header).toEqual([
      "姓名",
      "工号",
      "邮箱",
      "手机",
      "部门",
      "状态",
      "企业微信账号",
    ]);
  });

  it("keeps formulas out of Excel and takes the guard off on import", () => {
    expect(escapeCell("=HYPERLINK()")).toBe("'=HYPERLINK()");
    expect(escapeCell("-1+cmd|' /C calc'!A0")).toBe("'-1+cmd|' /C calc'!A0");
    expect(escapeCell("+86 138 0000 0000")).toBe("'+86 138 0000 0000");
    expect(unescapeCell(escapeCell("'=already quoted"))).toBe("'=already quoted");
    expect(unescapeCell(escapeCell("@sum"))).toBe("@sum");
    expect(unescapeCell("'plain")).toBe("'plain");
  });
});

describe("rows", () => {
  it("reports each bad cell with its line and column, with the form's own messages", () => {
    const csv = [
      "姓名,工号,邮箱,手机,企业微信账号,状态",
      "张三,E9,zhangsan@example.com,13800000000,zhangsan,启用",
      ",E10,not-an-email,abc,-bad,也许",
      "赵六,,zhao@example.com,,zhaoliu,",
      "",
      "钱七,E12,,,,停用",
    ].join("\r\n");
    const read = readAccountsCsv(utf8(csv), [CORP]);
    expect(read.fileErrors).toEqual([]);
    expect(read.rows.map((r) => [r.line, r.values.jobNumber, r.active])).toEqual([
      [2, "E9", true],
      [6, "E12", false],
    ]);
    expect(keys(read.errors)).toEqual([
      { line: 3, column: "状态", key: "statusInvalid" },
      { line: 3, column: "姓名", key: "required" },
      { line: 3, column: "邮箱", key: "emailInvalid" },
      { line: 3, column: "手机", key: "mobileInvalid" },
      { line: 3, column: "企业微信账号", key: "userIdInvalid" },
      { line: 4, column: "工号", key: "jobNumberRequired" },
    ]);
  });

  it("says what is wrong with a file it cannot read at all", () => {
    const fileKey = (s: string) => decodeMsg(readAccountsCsv(utf8(s), [CORP]).fileErrors[0]).key;
    expect(fileKey("")).toBe("fileEmpty");
    expect(fileKey("姓名,工号\n")).toBe("noRows");
    expect(fileKey('姓名,工号\n"张三,E1\n')).toBe("csvMalformed");
    expect(fileKey("姓名\n张三\n")).toBe("headerMissing");
  });
});

describe("planning an import", () => {
  const plan = (csv: string, snap = snapshot()) =>
    planImport(readAccountsCsv(utf8(csv), snap.corps), snap);

  it("adds new job numbers, updates changed ones and counts the rest unchanged", () => {
    const p = plan(
      [
        "姓名,工号,邮箱,部门,企业微信账号",
        "李四,E1,lisi@example.com,研发部,lisi",
        "王五,E2,,市场部,wangwu",
        "张三,E3,,研发部,zhangsan",
      ].join("\n"),
    );
    expect(p.errors).toEqual([]);
    expect(p.unchanged).toBe(1);
    expect(p.update).toHaveLength(1);
    expect(p.update[0]).toMatchObject({
      line: 3,
      accountId: "a2",
      fields: { department: { from: "产品部", to: "市场部" } },
      mappings: [],
    });
    expect(p.add).toHaveLength(1);
    expect(p.add[0]).toMatchObject({
      line: 4,
      accountId: null,
      data: { name: "张三", jobNumber: "E3", department: "研发部", active: true },
      mappings: [{ corpRowId: CORP.id, from: null, to: "zhangsan", mappingId: null }],
    });
  });

  it("leaves columns the file does not have alone, and clears empty cells of those it has", () => {
    const p = plan("工号,姓名,企业微信账号\nE1,李四,\n");
    expect(p.update[0]).toMatchObject({
      accountId: "a1",
      fields: {},
      data: { email: "lisi@example.com", department: "研发部" },
      mappings: [{ from: "lisi", to: null, mappingId: "m1" }],
    });
  });

  it("refuses a duplicate job number and a duplicate userid in the file", () => {
    const p = plan(
      [
        "姓名,工号,企业微信账号",
        "张三,E3,zhangsan",
        "张三二,E3,zhangsan2",
        "赵六,E4,zhangsan",
      ].join("\n"),
    );
    expect(keys(p.errors)).toEqual([
      { line: 3, column: "工号", key: "jobNumberDuplicate" },
      { line: 4, column: "企业微信账号", key: "userIdDuplicate" },
    ]);
    expect(decodeMsg(p.errors[1]!.message).params).toEqual({ userId: "zhangsan", line: 2 });
    expect(p.add.map((c) => c.data.jobNumber)).toEqual(["E3"]);
  });

  it("refuses a userid another account keeps, naming that account", () => {
    const p = plan("姓名,工号,企业微信账号\n张三,E3,lisi\n");
    expect(keys(p.errors)).toEqual([{ line: 2, column: "企业微信账号", key: "userIdTaken" }]);
    expect(decodeMsg(p.errors[0]!.message).params).toEqual({
      userId: "lisi",
      name: "李四",
      jobNumber: "E1",
    });
  });

  it("lets a file move a userid when it also gives the holder another (a swap)", () => {
    const p = plan("姓名,工号,企业微信账号\n李四,E1,wangwu\n王五,E2,lisi\n");
    expect(p.errors).toEqual([]);
    expect(p.update.map((c) => c.mappings[0])).toEqual([
      { corpRowId: CORP.id, from: "lisi", to: "wangwu", mappingId: "m1" },
      { corpRowId: CORP.id, from: "wangwu", to: "lisi", mappingId: "m2" },
    ]);
  });

  it("deactivates through the status column and changes nothing without it", () => {
    expect(plan("姓名,工号,状态\n李四,E1,停用\n").update[0]!.fields).toEqual({
      active: { from: true, to: false },
    });
    expect(plan("姓名,工号\n李四,E1\n").unchanged).toBe(1);
  });
});
