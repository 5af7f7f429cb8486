// Readiness as a load balancer sees it: ready on a migrated database; not ready, with the
// check named, when the SQLite file is made unreadable or goes missing, when a migration
// the build ships is not applied, when the jobs stopped ticking, or while shutting down.
import { copyFile, chmod, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { checkReadiness, type ReadinessDeps } from "./readiness";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const idleJobs = {
  enabled: false,
  intervalMs: 30_000,
  startedAt: null,
  lastTickEndedAt: null,
  running: 0,
  stopping: false,
};
const deps = (over: Partial<ReadinessDeps> = {}): ReadinessDeps => ({
  db: t.db,
  url: t.url,
  root: process.cwd(),
  jobs: idleJobs,
  ...over,
});

it("is ready on a migrated database, with every check named", async () => {
  expect(await checkReadiness(deps())).toEqual({
    ready: true,
    checks: { instance: "ok", database: "ok", migrations: "ok", jobs: "skipped" },
  });
});

it("names the migration this build ships that the database lacks", async () => {
  const name = (
    await t.db.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1",
    )
  )[0]!.migration_name;
  // Another URL key, so the cached verdict of the first test does not answer.
  const result = await checkReadiness(
    deps({
      url: `${t.url}?case=pending`,
      root: process.cwd(),
      db: {
        ...t.db,
        $queryRawUnsafe: async (sql: string) =>
          sql.includes("_prisma_migrations")
            ? (await t.db.$queryRawUnsafe<{ migration_name: string }[]>(sql)).filter(
                (r) => r.migration_name !== name,
              )
            : t.db.$queryRawUnsafe(sql),
      } as ReadinessDeps["db"],
    }),
  );
  expect(result.ready).toBe(false);
  expect(result.checks.migrations).toBe(`pending migrations: ${name}`);
});

it("says the jobs are late after two intervals without a tick, and when it is stopping", async () => {
  const now = Date.now();
  const jobs = {
    ...idleJobs,
    enabled: true,
    startedAt: now - 120_000,
    lastTickEndedAt: now - 61_000,
  };
  const late = await checkReadiness(deps({ jobs, now }));
  expect(late.ready).toBe(false);
  expect(late.checks.jobs).toBe("jobs last ran 61 s ago");
  const fresh = await checkReadiness(
    deps({ jobs: { ...jobs, lastTickEndedAt: now - 5_000 }, now }),
  );
  expect(fresh.checks.jobs).toBe("ok");
  const stopping = await checkReadiness(deps({ jobs: { ...idleJobs, stopping: true } }));
  expect(stopping).toMatchObject({ ready: false, checks: { instance: "shutting down" } });
});

it("is not ready when the SQLite file is made unreadable or is missing", async (ctx) => {
  if (t.provider !== "sqlite") ctx.skip();
  const copy = join(tmpdir(), `mb_ready_${process.pid}.db`);
  await copyFile(t.url.replace(/^file:/, ""), copy);
  const db = createDb(`file:${copy}`);
  try {
    expect((await checkReadiness(deps({ db, url: `file:${copy}` }))).ready).toBe(true);
    await chmod(copy, 0o000);
    const unreadable = await checkReadiness(deps({ db, url: `file:${copy}` }));
    expect(unreadable).toMatchObject({
      ready: false,
      checks: { database: "database file is not readable and writable" },
    });
    const missing = await checkReadiness(deps({ db, url: `file:${copy}.gone` }));
    expect(missing.checks.database).toBe("database file is missing or not readable");
  } finally {
    await db.$disconnect();
    await rm(copy, { force: true });
  }
});
