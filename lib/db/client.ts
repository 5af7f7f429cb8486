import "server-only";
import { env } from "@/lib/env.js";
import { createDb, type Db } from "./create-db.ts";

export { createDb, type Db };

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
