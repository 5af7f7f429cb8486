// Background jobs of an app instance: every interval, whichever instance takes a job's
// lease first runs it; the others skip that round. No extra process to deploy.
import "server-only";
import { sweepIdempotency } from "@/lib/api/idempotency-sweep";
import { sweepCallbacks } from "@/lib/callbacks/sweep";
import { db } from "@/lib/db/client";
import { withLease } from "@/lib/db/lease";
import { env } from "@/lib/env.js";
import { reconcileDueMeetings } from "@/lib/meetings/reconcile-due";
import { syncDueMeetings } from "@/lib/meetings/sync-due";
import { syncMeetingRooms } from "@/lib/meetings/sync-rooms-of-meetings";
import { systemActor } from "@/lib/meetings/system-actor";
import { syncAllRooms } from "@/lib/rooms/sync-all";

const globalForJobs = globalThis as unknown as { meetbridgeJobs?: NodeJS.Timeout };

/**
 * A job once per `intervalMs` across instances: the lease outlives the run a little short
 * of the interval, so no second instance repeats it this round and the next round is free.
 */
async function everyInterval(name: string, intervalMs: number, run: () => Promise<void>) {
  try {
    await withLease(name, Math.max(intervalMs - 1000, 1000), run, { keep: true });
  } catch (err) {
    console.error(`${name}: ${String(err)}`);
  }
}

export async function runJobsOnce(): Promise<void> {
  await everyInterval("jobs:reconcile", env.MEETBRIDGE_JOBS_INTERVAL_SECONDS * 1000, async () => {
    const tally = await reconcileDueMeetings();
    if (Object.keys(tally).length) console.log(`reconcile sweep: ${JSON.stringify(tally)}`);
  });
  await everyInterval("jobs:callbacks", env.MEETBRIDGE_JOBS_INTERVAL_SECONDS * 1000, async () => {
    const tally = await sweepCallbacks();
    if (tally.processed || tally.reclaimed) console.log(`callback sweep: ${JSON.stringify(tally)}`);
  });
  // Tried at every tick, run once per sync interval (its lease lapses just before).
  await everyInterval("jobs:sync", env.MEETBRIDGE_SYNC_INTERVAL_SECONDS * 1000, async () => {
    const tally = await syncDueMeetings();
    if (tally.changed || tally.failed) console.log(`meeting sync: ${JSON.stringify(tally)}`);
  });
  // The corps' meeting rooms, as the WeCom console changes them (lib/rooms/sync-all.ts).
  await everyInterval("jobs:rooms", 3600_000, async () => {
    const tally = await syncAllRooms();
    if (tally.failed) console.log(`room sync: ${JSON.stringify(tally)}`);
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
        if (tally.changed) console.log(`meeting rooms sync: ${JSON.stringify(tally)}`);
      }
    },
  );
  // The HTTP API's Idempotency-Key records past their 24 hours (lib/api/idempotency.ts).
  await everyInterval("jobs:idempotency-sweep", 3600_000, async () => {
    await sweepIdempotency(db);
  });
}

export function startJobs(): void {
  if (!env.MEETBRIDGE_JOBS || globalForJobs.meetbridgeJobs) return;
  const intervalMs = env.MEETBRIDGE_JOBS_INTERVAL_SECONDS * 1000;
  const tick = () => {
    runJobsOnce().catch((err: unknown) => console.error(`background jobs: ${String(err)}`));
  };
  globalForJobs.meetbridgeJobs = setInterval(tick, intervalMs);
  globalForJobs.meetbridgeJobs.unref();
  setTimeout(tick, 2000).unref();
}
