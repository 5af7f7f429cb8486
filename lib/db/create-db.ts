import "server-only";
// A Prisma client for a database URL, with the driver adapter of its provider. No side
// effects on import (lib/db/client.ts holds the process-wide client), so the migrate
// runner can open a client on the URL it migrates.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env.js";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client.ts";
import { providerOf } from "./provider.ts";

// Secrets never leave the server and are never read by accident: they are omitted
// from every select unless a query asks for them (`omit: { secretEnc: false }`).
const omit = {
  app: {
    secretEnc: true,
    suiteSecretEnc: true,
    suiteTicketEnc: true,
    permanentCodeEnc: true,
    callbackTokenEnc: true,
    callbackAesKeyEnc: true,
  },
  user: { passwordHash: true },
  wecomToken: { tokenEnc: true },
  // Only a hash, but nothing outside the invite lookup needs it.
  invite: { tokenHash: true },
} as const;

function sqlite(url: string) {
  const client = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url }), omit });
  // Write-ahead logging: readers never wait for a writer, and a commit costs one sync
  // instead of several (a booking commits a few small writes). The adapter holds one
  // connection per client, so the per-connection setting is made once here.
  void client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  return client;
}

/** Both generated clients share one model, so one type describes either. */
export type Db = ReturnType<typeof sqlite>;

export function createDb(url: string = env.DATABASE_URL): Db {
  if (providerOf(url) === "sqlite") return sqlite(url);
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), omit });
  return client as unknown as Db;
}
