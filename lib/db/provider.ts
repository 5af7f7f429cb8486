// Which database a URL names. Kept apart from schema-files.ts (scripts only, reads
// files) so that the app bundle imports nothing but this.
export const PROVIDERS = ["sqlite", "postgresql"] as const;
export type Provider = (typeof PROVIDERS)[number];

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error("DATABASE_URL must start with file: or postgresql://");
}

/**
 * How long a SQLite writer waits for the lock before it fails. The libSQL client opens a
 * new connection after each transaction, so this travels with every connection it opens
 * rather than being a one-off PRAGMA (docs/decisions/024).
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** The file (or `:memory:`) a SQLite URL names: `file:` and any `?options` dropped. */
export function sqlitePathOf(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
