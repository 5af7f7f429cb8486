// Background jobs of an app instance: every interval, whichever instance takes a job's
// lease first runs it; the others skip that round. No extra process to deploy.
import "server-only";
import { sweepIdempotency } from "@/lib/api/idempotency-sweep";
import { processDueBatches } from "@/lib/batches/process-batch";
import { sweepCallbacks } from "@/lib/callbacks/sweep";
import { db } from "@/lib/db/client";
import { withLease } from "@/lib/db/lease";
import { env } from "@/lib/env.js";
import { jobState } from "@/lib/jobs/job-state";
import { observeJob, jobLog } from "@/lib/jobs/observe-job";
import { errorText } from "@/lib/observability/logger";
import { reconcileDueMeetings } from "@/lib/meetings/reconcile-due";
import { syncDueMeetings } from "@/lib/meetings/sync-due";
import { sweepRetention } from "@/lib/retention/sweep-retention";
import { syncMeetingRooms } from "@/lib/meetings/sync-rooms-of-meetings";
import { systemActor } from "@/lib/meetings/system-actor";
import { syncAllRooms } from "@/lib/rooms/sync-all";

const globalForJobs = globalThis as unknown as { meetbridgeJobs?: NodeJS.Timeout };

/**
 * A job once per `intervalMs` across instances: the lease outlives the run a little short
 * of the interval, so no second instance repeats it this round and the next round is free.
 */
async function everyInterval(name: string, intervalMs: number, run: () => Promise<void>) {
  await observeJob(name, () =>
    withLease(name, Math.max(intervalMs - 1000, 1000), run, { keep: true }),
  );
}

export async function runJobsOnce(): Promise<void> {
  await everyInterval("jobs:reconcile", env.MEETBRIDGE_JOBS_INTERVAL_SECONDS * 1000, async () => {
    const tally = await reconcileDueMeetings();
    if (Object.keys(tally).length) jobLog.info({ job: "reconcile", ...tally }, "reconcile sweep");
  });
  await everyInterval("jobs:callbacks", env.MEETBRIDGE_JOBS_INTERVAL_SECONDS * 1000, async () => {
    const tally = await sweepCallbacks();
    if (tally.processed || tally.reclaimed)
      jobLog.info({ job: "callbacks", ...tally }, "callback sweep");
  });
  // Batches queued or cut short by a crash (each under its own lease, process-batch.ts).
  await everyInterval("jobs:batches", env.MEETBRIDGE_JOBS_INTERVAL_SECONDS * 1000, async () => {
    await processDueBatches();
  });
  // Tried at every tick, run once per sync interval (its lease lapses just before).
  await everyInterval("jobs:sync", env.MEETBRIDGE_SYNC_INTERVAL_SECONDS * 1000, async () => {
    const tally = await syncDueMeetings();
    if (tally.changed || tally.failed) jobLog.info({ job: "sync", ...tally }, "meeting sync");
  });
  // Call log, callback events and API-call audit rows past their retention (lib/retention),
  // in small batches; a stopping instance leaves the rest to the next run.
  await everyInterval("jobs:retention", 3600_000, async () => {
    const tally = await sweepRetention(db, { shouldStop: () => jobState.stopping });
    if (Object.values(tally).some(Boolean))
      jobLog.info({ job: "retention", ...tally }, "rows past their retention deleted");
  });
  // The corps' meeting rooms, as the WeCom console changes them (lib/rooms/sync-all.ts).
  await everyInterval("jobs:rooms", 3600_000, async () => {
    const tally = await syncAllRooms();
    if (tally.failed)
      jobLog.warn({ job: "rooms", ...tally }, "some corps' rooms could not be read");
  });
  // Room bookings of booked meetings, against WeCom's (a lost room event is found here).
  await everyInterval(
    "jobs:meeting-rooms",
    env.MEETBRIDGE_SYNC_INTERVAL_SECONDS * 1000,
    async () => {
      const tenants = await db.tenant.findMany({
        where: { meetings: { some: { status: "booked", roomId: { not: null } } } },
        select: { id: true, timeZone: true },
      });
      for (const tenant of tenants) {
        const tally = await syncMeetingRooms(systemActor(tenant, "sync"));
        if (tally.changed)
          jobLog.info({ job: "meeting-rooms", ...tally }, "room bookings brought in line");
      }
    },
  );
  // The HTTP API's Idempotency-Key records past their 24 hours (lib/api/idempotency.ts).
  await everyInterval("jobs:idempotency-sweep", 3600_000, async () => {
    const dropped = await sweepIdempotency(db);
    if (dropped) jobLog.info({ job: "idempotency-sweep", dropped }, "idempotency records dropped");
  });
}

export function startJobs(): void {
  if (!env.MEETBRIDGE_JOBS || globalForJobs.meetbridgeJobs) return;
  const intervalMs = env.MEETBRIDGE_JOBS_INTERVAL_SECONDS * 1000;
  jobState.startedAt = Date.now();
  const tick = () => {
    // A stopping instance takes no new work; a tick under way finishes (shutdown.ts).
    if (jobState.stopping) return;
    jobState.running++;
    runJobsOnce()
      .catch((err: unknown) => jobLog.error({ err: errorText(err) }, "background jobs failed"))
      .finally(() => {
        jobState.running--;
        jobState.lastTickEndedAt = Date.now();
      });
  };
  globalForJobs.meetbridgeJobs = setInterval(tick, intervalMs);
  globalForJobs.meetbridgeJobs.unref();
  setTimeout(tick, 2000).unref();
}
