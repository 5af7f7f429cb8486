// Data steps: changes to rows (not to the schema) that `npm run db:migrate` makes after
// the committed SQL migrations, on SQLite and PostgreSQL alike. SQL cannot make them
// (they need the encryption key, for instance). Each step runs on every migrate, so it
// must be idempotent: it finds the rows still to change by looking at them, and a
// database with none left costs it one query. A step is written against the current
// schema; once every database has run it, it can be deleted.
import type { Db } from "./create-db.ts";
import { resealAppSecrets } from "./data-steps/reseal-app-secrets.ts";

export interface DataStep {
  name: string;
  /** Changes what is left to change; returns how many rows it changed. */
  run(db: Db, log?: (line: string) => void): Promise<number>;
}

export const DATA_STEPS: readonly DataStep[] = [
  { name: "reseal app secrets with their app row", run: resealAppSecrets },
];

export async function runDataSteps(
  url: string,
  log?: (line: string) => void,
  steps: readonly DataStep[] = DATA_STEPS,
): Promise<void> {
  // Imported here, not at the top: the migration scripts that only read the migrations
  // folder (db:migration:new) need no database client.
  const { createDb } = await import("./create-db.ts");
  const db = createDb(url);
  try {
    for (const step of steps) {
      const changed = await step.run(db, log);
      if (changed > 0) log?.(`data step "${step.name}": ${changed} row(s)`);
    }
  } finally {
    await db.$disconnect();
  }
}
