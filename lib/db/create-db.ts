import "server-only";
// A Prisma client for a database URL, with the driver adapter of its provider. No side
// effects on import (lib/db/client.ts holds the process-wide client), so the migrate
// runner can open a client on the URL it migrates.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env.js";
import { PrismaSqlite } from "./libsql-connection.ts";
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

// libSQL, SQLite's fork with prebuilt binaries on the npm registry: nothing compiles at
// install (docs/decisions/024). One connection per client (lib/db/libsql-connection.ts).
function sqlite(url: string) {
  return new SqliteClient({ adapter: new PrismaSqlite(url), omit });
}

/** Both generated clients share one model, so one type describes either. */
export type Db = ReturnType<typeof sqlite>;

export function createDb(url: string = env.DATABASE_URL): Db {
  if (providerOf(url) === "sqlite") return sqlite(url);
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), omit });
  return client as unknown as Db;
}
