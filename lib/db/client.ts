import "server-only";
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

const globalForDb = globalThis as unknown as { meetbridgeDb?: Db };

/** The process-wide client (one per process, kept across hot reloads). */
export let db: Db = globalForDb.meetbridgeDb ?? createDb();
if (env.NODE_ENV !== "production") globalForDb.meetbridgeDb = db;

/**
 * Tests and benchmarks only: makes `client` the process-wide database, so that code using
 * `db` (the meeting domain, leases, the token cache) works on a throwaway database.
 * Importers see the new client through the module's live binding.
 */
export function replaceProcessDb(client: Db): void {
  db = client;
  globalForDb.meetbridgeDb = client;
}
