// A fresh, migrated database per call for integration tests: a temp SQLite file by
// default, or a throwaway database on the PostgreSQL server of TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { env } from "@/lib/env.js";
import { createDb, type Db } from "@/lib/db/client.ts";
import { migrate } from "@/lib/db/migrate.ts";
import type { Provider } from "@/lib/db/schema-files.ts";

export interface TestDatabase {
  url: string;
  db: Db;
  provider: Provider;
  /** Disconnects the client and deletes the database. */
  drop(): Promise<void>;
}

// Database names cannot be bound as parameters; ours are generated, never user input.
async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<{
  url: string;
  provider: Provider;
  remove(): Promise<void>;
}> {
  const name = `mb_test_${randomBytes(6).toString("hex")}`;
  const server = env.TEST_DATABASE_URL;
  if (!server) {
    const file = join(tmpdir(), `${name}.db`);
    // -journal / -wal siblings appear if a test leaves a transaction open.
    const remove = async () => {
      await Promise.all(
        ["", "-journal", "-wal", "-shm"].map((suffix) => rm(file + suffix, { force: true })),
      );
    };
    return { url: `file:${file}`, provider: "sqlite", remove };
  }
  await onServer(server, `CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  // FORCE: a pooled connection the test forgot to close must not keep the database alive.
  const remove = () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  return { url: url.toString(), provider: "postgresql", remove };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { url, provider, remove } = await freshDatabase();
  try {
    await migrate(url);
  } catch (error) {
    await remove();
    throw error;
  }
  const db = createDb(url);
  return {
    url,
    db,
    provider,
    async drop() {
      await db.$disconnect();
      await remove();
    },
  };
}
