// `prisma migrate deploy` without the Prisma CLI: applies the committed migrations of
// the URL's provider and records them in the same `_prisma_migrations` table, so the
// CLI (on a machine that can run it) and this code can take turns on one database.
// Then the data steps (lib/db/data-steps.ts), which the Prisma CLI does not know of.
import { mkdir, readFile, readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { MigrationDirectory, MigrationList } from "@prisma/schema-engine-wasm";
import { sqlitePathOf } from "./provider.ts";
import { derivedSchema, migrationsDir, providerOf, schemaPath } from "./schema-files.ts";
import { withSchemaEngine } from "./schema-engine.ts";
import { runDataSteps } from "./data-steps.ts";

export const LOCKFILE = "migration_lock.toml";

/** The migrations folder as the engine wants it, read the way the Prisma CLI reads it. */
export async function readMigrationList(baseDir: string): Promise<MigrationList> {
  const lockContent = await readFile(join(baseDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: MigrationDirectory[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const content = await readFile(join(baseDir, entry.name, "migration.sql"), "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    migrationDirectories.push({
      path: entry.name,
      migrationFile: { path: "migration.sql", content },
    });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

// SQLite creates a missing file but not a missing directory.
async function ensureSqliteDir(url: string): Promise<void> {
  const file = sqlitePathOf(url);
  if (file !== ":memory:") await mkdir(dirname(resolve(file)), { recursive: true });
}

export async function migrate(
  url: string,
  opts: { log?: (line: string) => void } = {},
): Promise<{ applied: string[] }> {
  const provider = providerOf(url);
  if (provider === "sqlite") await ensureSqliteDir(url);
  const migrationsList = await readMigrationList(migrationsDir(provider));
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(
      `no migrations in ${migrationsList.baseDir}: run npm run db:migration:new -- init`,
    );
  }
  const { appliedMigrationNames } = await withSchemaEngine(
    { url, datamodels: [[schemaPath(provider), derivedSchema(provider)]] },
    (engine) =>
      engine.applyMigrations({
        migrationsList,
        filters: { externalTables: [], externalEnums: [] },
      }),
  );
  for (const name of appliedMigrationNames) opts.log?.(`applied ${name}`);
  // Rows the schema's history left in an old shape (lib/db/data-steps.ts): after the
  // schema is current, before anything else opens the database.
  await runDataSteps(url, opts.log);
  if (provider === "sqlite") await enableWriteAheadLog(url);
  return { applied: appliedMigrationNames };
}

/**
 * Write-ahead logging for a SQLite file (a setting kept in the file): readers never wait
 * for a writer, and a commit costs one sync instead of several. Set here, where nothing
 * else holds the file, because switching the mode needs it to itself.
 */
async function enableWriteAheadLog(url: string): Promise<void> {
  const { default: Database } = await import("libsql");
  const file = sqlitePathOf(url);
  if (file === ":memory:") return;
  const conn = new Database(file);
  try {
    conn.pragma("journal_mode = WAL");
  } finally {
    conn.close();
  }
}
