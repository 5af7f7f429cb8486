// `npm run db:migrate`: applies pending committed migrations to DATABASE_URL, like
// `prisma migrate deploy` (which cannot run here: it needs a downloaded engine binary).
import { env } from "../lib/env.js";
import { migrate } from "../lib/db/migrate.ts";

async function main(): Promise<void> {
  const { applied } = await migrate(env.DATABASE_URL, { log: (line) => console.log(line) });
  if (applied.length === 0) console.log("database is up to date");
  else console.log(`applied ${applied.length} migration(s)`);
}

// Exit explicitly: the wasm engine and pg may leave timers that keep Node alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
