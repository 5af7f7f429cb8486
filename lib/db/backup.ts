// A consistent copy of the SQLite database while MeetBridge runs: `VACUUM INTO` writes
// the database as one read transaction sees it, so the copy is one committed state, the
// write-ahead log included, and writers go on meanwhile (readers never block them in WAL
// mode). Then the copy is opened and checked. PostgreSQL is backed up with pg_dump.
import { access, mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import Database from "libsql";
import { providerOf, SQLITE_BUSY_TIMEOUT_MS, sqlitePathOf } from "./provider.ts";

export interface BackupResult {
  file: string;
  /** Rows per table in the copy, as read back from it. */
  rows: Record<string, number>;
}

/** The first column of the first row (libSQL has no working `.pluck()`). */
export function firstValue(conn: Database.Database, sql: string, ...params: unknown[]): unknown {
  return (
    conn
      .prepare(sql)
      .raw()
      .get(...params) as unknown[] | undefined
  )?.[0];
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

export function sqliteFileOf(url: string): string {
  if (providerOf(url) !== "sqlite")
    throw new Error("not a SQLite URL: back PostgreSQL up with pg_dump");
  return resolve(sqlitePathOf(url));
}

export async function backupSqlite(
  url: string,
  dir: string,
  now = new Date(),
): Promise<BackupResult> {
  const source = sqliteFileOf(url);
  await mkdir(dir, { recursive: true });
  const file = join(resolve(dir), `meetbridge-${stamp(now)}.db`);
  await access(source); // SQLite would create an empty database where none is.
  const conn = new Database(source, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    conn.prepare("VACUUM INTO ?").run(file);
  } finally {
    conn.close();
  }
  const copy = new Database(file);
  try {
    const check = firstValue(copy, "PRAGMA quick_check");
    if (check !== "ok") throw new Error(`the copy fails its check: ${String(check)}`);
    const tables = copy
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    const rows: Record<string, number> = {};
    for (const { name } of tables)
      rows[name] = Number(firstValue(copy, `SELECT COUNT(*) FROM "${name}"`));
    return { file, rows };
  } finally {
    copy.close();
  }
}
