import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import zh from "./messages/zh-CN.json";

function leaves(obj: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === "object")
      for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, String(v));
  }
  return out;
}

describe("UI messages", () => {
  const z = leaves(zh);
  const e = leaves(en);

  it("has an English text for every Chinese one, and no English-only key", () => {
    expect([...e.keys()].sort()).toEqual([...z.keys()].sort());
  });

  it("has no empty text and keeps the same placeholders in both languages", () => {
    for (const [key, text] of z) {
      expect(text.trim(), key).not.toBe("");
      expect(e.get(key)!.trim(), key).not.toBe("");
      const ph = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
      expect(ph(e.get(key)!), key).toEqual(ph(text));
    }
  });
});
