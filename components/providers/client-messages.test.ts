import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Client components get only the message namespaces a ClientMessages above them lists.
// A namespace nobody lists shows as raw keys in the browser, and only there: this finds
// the client components' namespaces in the sources and checks that some ClientMessages
// lists each (which one wraps which component is left to review and the e2e suite).

const root = fileURLToPath(new URL("../..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}
const files = [...sources("app"), ...sources("components")].map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, "utf8"),
}));

const listed = files.flatMap(({ text }) =>
  Array.from(text.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g), (m) =>
    Array.from(m[1]!.matchAll(/"([^"]+)"/g), (n) => n[1]!),
  ).flat(),
);
const clientFiles = files.filter(({ text }) => /^\s*["']use client["']/m.test(text));

describe("client messages", () => {
  it("finds the lists and the client components it checks", () => {
    expect(listed).toContain("header");
    expect(clientFiles.map((f) => f.path)).toContain("components/shell/user-menu.tsx");
  });

  it("name a namespace in every useTranslations of a client component", () => {
    const bare = clientFiles.filter(({ text }) => /useTranslations\(\s*\)/.test(text));
    expect(bare.map((f) => f.path)).toEqual([]);
  });

  it("list every namespace a client component reads in some ClientMessages", () => {
    const covered = (ns: string) => listed.some((l) => ns === l || ns.startsWith(`${l}.`));
    const missing = clientFiles.flatMap(({ path, text }) =>
      Array.from(text.matchAll(/useTranslations\(\s*"([^"]+)"/g), (m) => m[1]!)
        .filter((ns) => !covered(ns))
        .map((ns) => `${path}: ${ns}`),
    );
    expect(missing).toEqual([]);
  });
});
