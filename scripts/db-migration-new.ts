// `npm run db:migration:new -- <name>`: writes the next migration for both providers
// from the change in prisma/models.prisma, as `prisma migrate dev --create-only` would.
//
// Each migration folder keeps the full schema it was made from, in
// `prisma/<provider>/migrations/<ts>_<name>/schema.prisma.snapshot`, and the next
// migration is the diff from the latest snapshot to the current derived schema. Diffing
// two datamodels needs a live connection (a scratch SQLite file or PostgreSQL database)
// but no shadow database; replaying the migrations instead would (see stack-notes.md).
// The snapshot is not named *.prisma so that Prisma never loads it as part of a schema.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DiffTarget } from "@prisma/schema-engine-wasm";
import { env } from "../lib/env.js";
import { LOCKFILE, readMigrationList } from "../lib/db/migrate.ts";
import { withSchemaEngine } from "../lib/db/schema-engine.ts";
import {
  PROVIDERS,
  derivedSchema,
  migrationsDir,
  schemaPath,
  type Provider,
} from "../lib/db/schema-files.ts";

const SNAPSHOT = "schema.prisma.snapshot";

/** UTC YYYYMMDDHHMMSS, the prefix Prisma gives migration folders. */
function timestamp(now = new Date()): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function previousSchema(provider: Provider): Promise<string | undefined> {
  const { migrationDirectories } = await readMigrationList(migrationsDir(provider));
  const last = migrationDirectories.at(-1);
  if (!last) return undefined;
  const path = join(migrationsDir(provider), last.path, SNAPSHOT);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: copy the schema ${last.path} was made from there`);
  }
  return readFile(path, "utf8");
}

/** A database the engine may connect to for the diff, and how to get rid of it. */
async function scratchDatabase(
  provider: Provider,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `mb_diff_${randomBytes(6).toString("hex")}`;
  if (provider === "sqlite") {
    const file = join(tmpdir(), `${name}.db`);
    return { url: `file:${file}`, drop: () => rm(file, { force: true }) };
  }
  const server = new URL(env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function diffScript(
  provider: Provider,
  from: DiffTarget,
  toSchema: string,
): Promise<string | undefined> {
  const scratch = await scratchDatabase(provider);
  try {
    const to: DiffTarget = {
      tag: "schemaDatamodel",
      files: [{ path: schemaPath(provider), content: toSchema }],
    };
    const result = await withSchemaEngine(
      { url: scratch.url, datamodels: [[schemaPath(provider), toSchema]] },
      (engine) =>
        engine.diff({
          from,
          to,
          script: true,
          exitCode: true,
          filters: { externalTables: [], externalEnums: [] },
        }),
    );
    // With exitCode set, the engine answers 2 for a non-empty diff and 0 for none.
    if (result.exitCode !== 2) return undefined;
    // A diff from "empty" also creates the public schema, which `prisma migrate dev`
    // never writes: it exists already, and the statement needs CREATE on the database,
    // which an application role on a managed server may lack.
    return (result.stdout ?? "").replace(
      /^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/,
      "",
    );
  } finally {
    await scratch.drop();
  }
}

async function main(): Promise<number> {
  const rawName = process.argv[2];
  if (!rawName) {
    console.error("usage: npm run db:migration:new -- <name>");
    return 2;
  }
  const name = rawName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const folder = `${timestamp()}_${name}`;
  for (const provider of PROVIDERS) {
    const current = derivedSchema(provider);
    const previous = await previousSchema(provider);
    const from: DiffTarget = previous
      ? { tag: "schemaDatamodel", files: [{ path: schemaPath(provider), content: previous }] }
      : { tag: "empty" };
    const script = await diffScript(provider, from, current);
    if (script === undefined) {
      console.log(`${provider}: no changes`);
      continue;
    }
    const dir = join(migrationsDir(provider), folder);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "migration.sql"), script);
    await writeFile(join(dir, SNAPSHOT), current);
    // Same text as the Prisma CLI writes, so the CLI accepts the folder as its own.
    await writeFile(
      join(migrationsDir(provider), LOCKFILE),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
    );
    console.log(
      `${provider}: wrote ${join("prisma", provider, "migrations", folder, "migration.sql")}`,
    );
  }
  return 0;
}

// Exit explicitly: the engine and pg can leave timers that would keep Node alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
