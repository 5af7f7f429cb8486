import { describe, expect, it } from "vitest";
import { diffLines } from "./format-diff";

describe("diffLines", () => {
  it("reads changes and values in the diff's order", () => {
    expect(diffLines({ name: { from: "A", to: "B" }, role: "admin" })).toEqual([
      { kind: "change", field: "name", from: "A", to: "B" },
      { kind: "value", field: "role", value: "admin" },
    ]);
  });

  it("never carries a secret's value, only whether it was set or changed", () => {
    const lines = diffLines({
      secret: { from: "unset", to: "s3cr3t-value" },
      suiteTicket: { from: "old-ticket", to: "new-ticket" },
      tokenHash: "f".repeat(64),
    });
    expect(lines).toEqual([
      { kind: "secret", field: "secret", first: true },
      { kind: "secret", field: "suiteTicket", first: false },
      { kind: "secret", field: "tokenHash", first: false },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/s3cr3t|ticket"|ffff/);
  });

  it("keeps to the fields asked for, skips, and can show changes only", () => {
    const diff = { a: { from: 1, to: 2 }, b: "x", c: { from: null, to: "y" }, visible: {} };
    expect(diffLines(diff, { fields: ["c", "a", "missing"] }).map((l) => l.field)).toEqual([
      "c",
      "a",
    ]);
    expect(diffLines(diff, { skip: ["visible"], changesOnly: true }).map((l) => l.field)).toEqual([
      "a",
      "c",
    ]);
  });
});
