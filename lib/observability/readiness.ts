// GET /api/ready: may this instance take traffic? The database answers, its migrations are
// those this build ships (prisma/<provider>/migrations), and, when this instance runs the
// jobs, they ticked within two intervals. Cheap enough for a probe every few seconds: one
// `SELECT 1`, a stat of the SQLite file, and the migration comparison cached briefly.
import "server-only";
import { constants } from "node:fs";
import { access, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "@/lib/db/client";
import { providerOf, sqlitePathOf } from "@/lib/db/provider";
import type { JobState } from "@/lib/jobs/job-state";

export type CheckName = "instance" | "database" | "migrations" | "jobs";
export interface Readiness {
  ready: boolean;
  checks: Record<CheckName, "ok" | "skipped" | string>;
}

export interface ReadinessDeps {
  db: Db;
  url: string;
  /** Where prisma/ lives (the working directory of `next start`). */
  root: string;
  jobs: JobState & { enabled: boolean; intervalMs: number };
  now?: number;
}

const MIGRATIONS_TTL_MS = 30_000;
const migrationsCache = new Map<string, { at: number; verdict: string }>();

/** A SQLite file that is gone or unreadable fails a restart even while the open handle works. */
async function sqliteFileProblem(url: string): Promise<string | null> {
  const file = sqlitePathOf(url);
  if (file === ":memory:") return null;
  try {
    const st = await stat(file);
    // Root passes access(); a file made unreadable (chmod 000) shows in its mode bits.
    if ((st.mode & 0o600) !== 0o600) return "database file is not readable and writable";
    await access(file, constants.R_OK | constants.W_OK);
    return null;
  } catch {
    return "database file is missing or not readable";
  }
}

async function migrationsVerdict(deps: ReadinessDeps, now: number): Promise<string> {
  const cached = migrationsCache.get(deps.url);
  if (cached && now - cached.at < MIGRATIONS_TTL_MS) return cached.verdict;
  const provider = providerOf(deps.url);
  const shipped = (
    await readdir(join(deps.root, "prisma", provider, "migrations"), {
      withFileTypes: true,
    })
  )
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const rows = await deps.db.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((r) => r.migration_name));
  const pending = shipped.filter((name) => !applied.has(name));
  const verdict = pending.length ? `pending migrations: ${pending.join(", ")}` : "ok";
  migrationsCache.set(deps.url, { at: now, verdict });
  return verdict;
}

function jobsVerdict(jobs: ReadinessDeps["jobs"], now: number): string {
  if (!jobs.enabled || jobs.startedAt === null) return "skipped";
  const last = jobs.lastTickEndedAt ?? jobs.startedAt;
  const late = now - last > 2 * jobs.intervalMs;
  return late ? `jobs last ran ${Math.round((now - last) / 1000)} s ago` : "ok";
}

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const now = deps.now ?? Date.now();
  const checks: Readiness["checks"] = {
    // A stopping instance says so first, so that the load balancer drains it (shutdown.ts).
    instance: deps.jobs.stopping ? "shutting down" : "ok",
    database: "ok",
    migrations: "ok",
    jobs: "ok",
  };
  try {
    await deps.db.$queryRawUnsafe("SELECT 1");
    const fileProblem =
      providerOf(deps.url) === "sqlite" ? await sqliteFileProblem(deps.url) : null;
    if (fileProblem) checks.database = fileProblem;
  } catch {
    checks.database = "database does not answer";
  }
  if (checks.database === "ok") {
    try {
      checks.migrations = await migrationsVerdict(deps, now);
    } catch {
      checks.migrations = "migrations could not be read";
    }
  } else checks.migrations = "skipped";
  checks.jobs = jobsVerdict(deps.jobs, now);
  const ready = Object.values(checks).every((v) => v === "ok" || v === "skipped");
  return { ready, checks };
}
