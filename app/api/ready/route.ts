// Readiness: may this instance take traffic (lib/observability/readiness.ts)? 200 or 503
// with the checks by name; no session, nothing secret in the answer.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env.js";
import { jobState } from "@/lib/jobs/job-state";
import { checkReadiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkReadiness({
    db,
    url: env.DATABASE_URL,
    root: process.cwd(),
    jobs: {
      ...jobState,
      enabled: env.MEETBRIDGE_JOBS,
      intervalMs: env.MEETBRIDGE_JOBS_INTERVAL_SECONDS * 1000,
    },
  });
  return Response.json(
    { status: result.ready ? "ok" : "unavailable", checks: result.checks },
    { status: result.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
