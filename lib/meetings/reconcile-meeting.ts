// Finding out what WeCom did with a create whose answer was lost. Runs under a lease per
// meeting, so the button, the sweep and a second instance never act at once, and a
// second create is sent only once WeCom shows nothing like the meeting and the lost
// create is long past (the grace period): "never booked twice, never lost".
import "server-only";
import { withLease } from "@/lib/db/lease";
import {
  toWecomFailure,
  WecomError,
  WecomUncertainError,
  type CreateMeetingResult,
  type MeetingInfo,
} from "@/lib/wecom";
import { auditMeeting } from "./audit";
import { meetingDeps, reconcileGraceMs, type MeetingDeps } from "./deps";
import { withAppCalendar } from "./app-calendar";
import { createdColumns, createInputOf } from "./stored-booking";
import { statusOf } from "./status";
import type { MeetingActor } from "./types";

export type ReconcileOutcome =
  /** WeCom held it: MeetBridge's row now carries its meetingid. */
  | "adopted"
  /** WeCom held nothing like it: booked now. */
  | "rebooked"
  /** WeCom refused the booking when sent again (e.g. its start has passed). */
  | "failed"
  /** Still unknown; tried again later. */
  | "unchanged"
  | "not_needed"
  | "busy";

export interface ReconcileOptions {
  /** Send the create again when WeCom shows nothing and the grace period is over. */
  rebook: boolean;
}

export async function reconcileMeeting(
  actor: MeetingActor,
  meetingId: string,
  opts: ReconcileOptions,
  deps: MeetingDeps = meetingDeps,
): Promise<ReconcileOutcome> {
  return withLease(`meeting-reconcile:${meetingId}`, 120_000, () =>
    reconcileHeld(actor, meetingId, opts, deps),
  );
}

async function reconcileHeld(
  actor: MeetingActor,
  meetingId: string,
  opts: ReconcileOptions,
  deps: MeetingDeps,
): Promise<ReconcileOutcome> {
  const m = await actor.db.meeting.findFirst({
    where: { id: meetingId },
    include: { participants: { select: { role: true, wecomUserId: true } } },
  });
  if (!m || m.wecomMeetingId || m.syncState === "in_sync") return "not_needed";
  const graceMs = reconcileGraceMs(deps);
  const overdue = Date.now() - m.updatedAt.getTime() >= graceMs;
  if (m.syncState === "pending") {
    if (!overdue) return "unchanged"; // its own request may still be waiting for WeCom
    await actor.db.meeting.update({
      where: { id: m.id },
      data: { syncState: "needs_reconciliation" },
    });
  }

  const client = await deps.clientFor(actor.db, m.appId);
  const input = createInputOf(m);
  const found = await client.findMeetingsLike(input, { meetingId: m.id });
  const ids = found.matches.map((x) => x.meetingId).filter((x): x is string => Boolean(x));
  const claimed = await actor.db.meeting.findMany({
    where: { appId: m.appId, wecomMeetingId: { in: ids } },
    select: { wecomMeetingId: true },
  });
  const taken = new Set(claimed.map((c) => c.wecomMeetingId));
  const match = found.matches.find((x) => x.meetingId && !taken.has(x.meetingId));
  if (match) {
    await adopt(actor, m.id, match, "adopted");
    return "adopted";
  }
  if (found.truncated || !opts.rebook || !overdue) return "unchanged";

  let created: CreateMeetingResult;
  try {
    const app = await actor.db.app.findFirstOrThrow({
      where: { id: m.appId },
      select: { id: true, kind: true },
    });
    created = await withAppCalendar(actor.db, app, client, (calId) =>
      client.createMeeting({ ...input, calId }, { meetingId: m.id }),
    );
  } catch (err) {
    if (err instanceof WecomUncertainError || !(err instanceof WecomError)) {
      await actor.db.meeting.update({
        where: { id: m.id },
        data: { syncError: JSON.stringify(toWecomFailure(err)) },
      });
      return "unchanged";
    }
    await actor.db.meeting.update({
      where: { id: m.id },
      data: {
        status: "failed",
        syncState: "in_sync",
        syncError: JSON.stringify(toWecomFailure(err)),
        version: { increment: 1 },
      },
    });
    await auditMeeting(actor, m.id, "meeting.reconcile", {
      outcome: "failed",
      errcode: err.errcode,
    });
    return "failed";
  }
  // Recorded outside the catch: WeCom holds the meeting whatever happens to this write.
  await actor.db.meeting.update({
    where: { id: m.id },
    data: { ...createdColumns(created), version: { increment: 1 } },
  });
  await auditMeeting(actor, m.id, "meeting.reconcile", {
    outcome: "rebooked",
    wecomMeetingId: created.meetingId,
  });
  return "rebooked";
}

async function adopt(
  actor: MeetingActor,
  id: string,
  info: MeetingInfo,
  outcome: "adopted",
): Promise<void> {
  await actor.db.meeting.update({
    where: { id },
    data: {
      wecomMeetingId: info.meetingId,
      status: statusOf(info.status),
      meetingCode: info.meetingCode ?? null,
      meetingLink: info.meetingLink ?? null,
      syncState: "in_sync",
      syncError: null,
      lastSyncedAt: new Date(),
      version: { increment: 1 },
    },
  });
  await auditMeeting(actor, id, "meeting.reconcile", { outcome, wecomMeetingId: info.meetingId });
}
