import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
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
      expect(placeholders(e.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it("uses full-width colons in Chinese and half-width ones in English", () => {
    // An ASCII colon right after Chinese text (not "Content-Type: …" or "账号:corpid" syntax).
    for (const [key, text] of z) expect(text, key).not.toMatch(/[\p{Script=Han}）」”]: /u);
    for (const [key, text] of e) expect(text, key).not.toMatch(/[：，。；]/);
  });

  it("says what every permission allows, for the add-user dialog's role lines", () => {
    for (const p of PERMISSIONS)
      expect(z.has(`usersAdmin.add.roleAbilities.permissions.${p}`), p).toBe(true);
  });
});

/** The ICU arguments a message uses (select and plural branches' own words are not). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: MessageFormatElement[]) => {
    for (const n of nodes) {
      if (
        isArgumentElement(n) ||
        isNumberElement(n) ||
        isDateElement(n) ||
        isTimeElement(n) ||
        isSelectElement(n) ||
        isPluralElement(n)
      )
        names.add(n.value);
      if (isSelectElement(n) || isPluralElement(n))
        for (const option of Object.values(n.options)) walk(option.value);
      if (isTagElement(n)) walk(n.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...names].sort();
}
