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
} as const;

function sqlite(url: string) {
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url }), omit });
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
export const db: Db = globalForDb.meetbridgeDb ?? createDb();
if (env.NODE_ENV !== "production") globalForDb.meetbridgeDb = db;
