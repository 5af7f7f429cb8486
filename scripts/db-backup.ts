// `npm run db:backup [-- <dir>]`: a consistent copy of the SQLite database of DATABASE_URL
// while MeetBridge runs, to <dir>/meetbridge-YYYYMMDD-HHMMSS.db (default .data/backups),
// checked by opening it. Restore: stop MeetBridge, replace the database file with the copy
// (and delete its -wal and -shm files), start. PostgreSQL: pg_dump (README, Production).
import { backupSqlite } from "../lib/db/backup.ts";
import { providerOf } from "../lib/db/provider.ts";
import { env } from "../lib/env.js";

if (providerOf(env.DATABASE_URL) !== "sqlite") {
  console.error(
    "DATABASE_URL is PostgreSQL: back it up with pg_dump -Fc (see the README, Production).",
  );
  process.exit(2);
}
const dir = process.argv[2] ?? ".data/backups";
const { file, rows } = await backupSqlite(env.DATABASE_URL, dir);
const total = Object.values(rows).reduce((a, b) => a + b, 0);
console.log(`backed up to ${file}: ${Object.keys(rows).length} tables, ${total} rows (checked)`);
console.log(
  `meetings ${rows.Meeting ?? 0}, call log ${rows.CallLog ?? 0}, audit events ${rows.AuditEvent ?? 0}`,
);
