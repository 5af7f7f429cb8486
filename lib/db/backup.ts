// A consistent copy of the SQLite database while MeetBridge runs: SQLite's online backup
// API (better-sqlite3's .backup()), which copies page by page and restarts when a writer
// changed a page under it, so the copy is one committed state of the database, WAL
// included. Then the copy is opened and checked. PostgreSQL is backed up with pg_dump.
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { providerOf } from "./provider.ts";

export interface BackupResult {
  file: string;
  /** Rows per table in the copy, as read back from it. */
  rows: Record<string, number>;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

export function sqliteFileOf(url: string): string {
  if (providerOf(url) !== "sqlite")
    throw new Error("not a SQLite URL: back PostgreSQL up with pg_dump");
  return resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

export async function backupSqlite(
  url: string,
  dir: string,
  now = new Date(),
): Promise<BackupResult> {
  const source = sqliteFileOf(url);
  await mkdir(dir, { recursive: true });
  const file = join(resolve(dir), `meetbridge-${stamp(now)}.db`);
  const conn = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await conn.backup(file);
  } finally {
    conn.close();
  }
  const copy = new Database(file, { readonly: true });
  try {
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`the copy fails its check: ${String(check)}`);
    const tables = copy
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    const rows: Record<string, number> = {};
    for (const { name } of tables)
      rows[name] = (copy.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
    return { file, rows };
  } finally {
    copy.close();
  }
}
