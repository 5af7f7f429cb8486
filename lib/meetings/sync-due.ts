// The periodic sync: every meeting that can still change (booked or in progress, with a
// WeCom meetingid) is read from WeCom about once per MEETBRIDGE_SYNC_INTERVAL_SECONDS,
// nearest to now first, at most MEETBRIDGE_SYNC_BATCH a run, a few at a time. That stays
// far inside WeCom's 10,000 calls a minute per corp.
//
// Once per interval across instances: the scheduler runs it under the "jobs:sync" lease,
// and each meeting is synced under its own lease after checking it is still due, so two
// runs that race (two instances, or an admin's "sync now" beside the job) read each
// meeting once between them, and a run within the interval reads nothing again (a
// meeting WeCom did not answer for keeps its lease until the interval is over).
import "server-only";
import { db } from "@/lib/db/client";
import { releaseLease, tryAcquireLease } from "@/lib/db/lease";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { env } from "@/lib/env.js";
import { meetingDeps, type MeetingDeps } from "./deps";
import { syncMeeting } from "./sync-meeting";
import { systemActor } from "./system-actor";
import type { MeetingActor } from "./types";
import { errorText, logger } from "@/lib/observability/logger";

/** Meetings read from WeCom at once by one run. */
const CONCURRENCY = 4;

export interface SyncDueOptions {
  /**
   * Only this actor's tenant, acting as the actor (an admin's "sync now"). Default: every
   * tenant, each as MeetBridge itself with audit source "sync".
   */
  actor?: MeetingActor;
  /** At most this many meetings (default MEETBRIDGE_SYNC_BATCH). */
  batch?: number;
  /** A meeting synced less than this long ago is not due (default 80% of the interval). */
  freshMs?: number;
}

export interface SyncDueTally {
  /** Meetings read from WeCom by this run. */
  polled: number;
  /** Of those, meetings whose record changed. */
  changed: number;
  /** Of those, meetings WeCom did not answer for (the reason is in their syncError). */
  failed: number;
  /** Due when listed, but synced meanwhile by another run or under a MeetBridge write. */
  skipped: number;
}

export async function syncDueMeetings(
  deps: MeetingDeps = meetingDeps,
  opts: SyncDueOptions = {},
): Promise<SyncDueTally> {
  const nowMs = (deps.nowSec?.() ?? Date.now() / 1000) * 1000;
  const freshMs = opts.freshMs ?? Math.floor(env.MEETBRIDGE_SYNC_INTERVAL_SECONDS * 800);
  const batch = opts.batch ?? env.MEETBRIDGE_SYNC_BATCH;
  const graceMs = deps.graceMs ?? env.MEETBRIDGE_RECONCILE_GRACE_SECONDS * 1000;
  const where = dueWhere(nowMs, freshMs, graceMs);
  const due = await nearestFirst(opts.actor?.db.meeting ?? db.meeting, where, nowMs, batch);

  const tally: SyncDueTally = { polled: 0, changed: 0, failed: 0, skipped: 0 };
  const actors = new Map<string, MeetingActor>();
  const actorOf = (tenant: { id: string; timeZone: string }) =>
    opts.actor ??
    actors.get(tenant.id) ??
    actors.set(tenant.id, systemActor(tenant, "sync")).get(tenant.id)!;

  await forEachLimited(due, CONCURRENCY, async (m) => {
    const actor = actorOf(m.tenant);
    const lease = `meeting-sync:${m.id}`;
    // Held for the interval: released once a sync succeeded (lastSyncedAt says it is not
    // due any more), kept when WeCom did not answer, so no run asks again this interval.
    if (!(await tryAcquireLease(lease, freshMs))) {
      tally.skipped++;
      return;
    }
    let keep = false;
    try {
      // Listed as due, but another run may have synced it since.
      if ((await actor.db.meeting.count({ where: { id: m.id, ...where } })) === 0) {
        tally.skipped++;
        return;
      }
      const r = await syncMeeting(actor, m.id, deps);
      if (!r.ok && !r.failure) {
        tally.skipped++;
        return;
      }
      tally.polled++;
      if (r.ok && (r.changed.length > 0 || r.settled)) tally.changed++;
      if (!r.ok) {
        tally.failed++;
        keep = true;
      }
    } catch (err) {
      logger.error({ meetingId: m.id, err: errorText(err) }, "sync of a meeting failed");
      tally.failed++;
      keep = true;
    } finally {
      if (!keep) await releaseLease(lease);
    }
  });
  return tally;
}

/**
 * Booked or ongoing meetings WeCom knows, not synced for `freshMs`: in sync, awaiting
 * reconciliation after a lost answer (the sync settles them), or left pending by a
 * MeetBridge call longer ago than the grace period (its process died).
 */
function dueWhere(nowMs: number, freshMs: number, graceMs: number) {
  return {
    wecomMeetingId: { not: null },
    status: { in: ["booked" as const, "in_progress" as const] },
    AND: [
      { OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lt: new Date(nowMs - freshMs) } }] },
      {
        OR: [
          { syncState: { in: ["in_sync" as const, "needs_reconciliation" as const] } },
          { syncState: "pending" as const, updatedAt: { lt: new Date(nowMs - graceMs) } },
        ],
      },
    ],
  };
}

type DueMeeting = { id: string; startAt: Date; tenant: { id: string; timeZone: string } };

/** Up to `batch` due meetings by distance of their start from now: started and upcoming alike. */
async function nearestFirst(
  meetings: TenantDb["meeting"],
  where: ReturnType<typeof dueWhere>,
  nowMs: number,
  batch: number,
): Promise<DueMeeting[]> {
  const now = new Date(nowMs);
  const select = { id: true, startAt: true, tenant: { select: { id: true, timeZone: true } } };
  const [started, upcoming] = await Promise.all([
    meetings.findMany({
      where: { ...where, startAt: { lt: now } },
      select,
      orderBy: { startAt: "desc" },
      take: batch,
    }),
    meetings.findMany({
      where: { ...where, startAt: { gte: now } },
      select,
      orderBy: { startAt: "asc" },
      take: batch,
    }),
  ]);
  const out: DueMeeting[] = [];
  let i = 0;
  let j = 0;
  while (out.length < batch && (i < started.length || j < upcoming.length)) {
    const a = started[i];
    const b = upcoming[j];
    if (
      b === undefined ||
      (a !== undefined && nowMs - a.startAt.getTime() <= b.startAt.getTime() - nowMs)
    ) {
      out.push(a!);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out;
}

async function forEachLimited<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
