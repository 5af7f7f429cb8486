// Processing one stored callback event, once across every app instance: the event is
// claimed by a conditional write (processedAt null → now, outcome "processing"), and
// only the instance whose write matched goes on. The sweep (sweep.ts) re-claims a claim
// left "processing" longer than any processing takes (its instance died).
import "server-only";
import { db } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant-scope";
import { applyCallbackChange } from "@/lib/meetings/callback-change";
import { applyRoomCallback } from "@/lib/meetings/room-callback";
import { meetingDeps, type MeetingDeps } from "@/lib/meetings/deps";
import { systemActor } from "@/lib/meetings/system-actor";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { parseCallback } from "./parse-event";
import { applySuiteEvent } from "./suite-events";

export const PROCESSING = "processing";

/** Claims an unprocessed event (or, with `staleClaim`, a dead instance's claim). */
export async function claimEvent(id: string, staleClaim?: Date): Promise<boolean> {
  const claimed = await db.callbackEvent.updateMany({
    where: staleClaim
      ? { id, outcome: PROCESSING, processedAt: staleClaim }
      : { id, processedAt: null },
    data: { processedAt: new Date(), outcome: PROCESSING },
  });
  return claimed.count === 1;
}

export async function processCallbackEvent(
  id: string,
  opts: { staleClaim?: Date; deps?: MeetingDeps; suiteBody?: string } = {},
): Promise<string | null> {
  if (!(await claimEvent(id, opts.staleClaim))) return null;
  const event = await db.callbackEvent.findUniqueOrThrow({
    where: { id },
    include: {
      tenant: { select: { id: true, timeZone: true } },
      app: { select: { id: true, suiteId: true } },
    },
  });
  const tdb = scopeToTenant(db, event.tenantId);
  let result: { outcome: string; error?: string };
  try {
    if (event.kind === "meeting_change") {
      // Looked up again: a meeting booked between the delivery and now is found.
      const meeting = event.wecomMeetingId
        ? await tdb.meeting.findFirst({
            where: { appId: event.appId, wecomMeetingId: event.wecomMeetingId },
            select: { id: true },
          })
        : null;
      result = meeting
        ? await applyCallbackChange(
            systemActor(event.tenant, "callback"),
            meeting.id,
            event.changeType,
            opts.deps ?? meetingDeps,
          )
        : { outcome: "unknown-meeting" };
      // The scoped client keeps meetingId immutable; the event is this tenant's (read above).
      if (meeting && !event.meetingId)
        await db.callbackEvent.update({ where: { id }, data: { meetingId: meeting.id } });
    } else if (event.kind === "book_meeting_room" || event.kind === "cancel_meeting_room") {
      result = await applyRoomCallback(
        systemActor(event.tenant, "callback"),
        event.appId,
        parseCallback(event.body),
        opts.deps ?? meetingDeps,
      );
    } else if (event.kind === "unknown") {
      result = { outcome: "recorded" };
    } else {
      // The stored body has its ticket redacted; the receiving request passes the plaintext.
      const parsed = parseCallback(opts.suiteBody ?? event.body);
      result = await applySuiteEvent(
        { db: tdb, tenantId: event.tenantId, app: event.app, receivedAt: event.receivedAt },
        parsed,
      );
    }
  } catch (err) {
    result = { outcome: "failed", error: String((err as Error).message ?? err).slice(0, 500) };
  }
  await tdb.callbackEvent.update({
    where: { id },
    data: { processedAt: new Date(), outcome: result.outcome, error: result.error ?? null },
  });
  const delaySec = (Date.now() - event.receivedAt.getTime()) / 1000;
  metrics.callbackEvents.inc({ kind: event.kind, outcome: result.outcome });
  metrics.callbackDelay.observe(delaySec);
  logger.info(
    {
      event: event.id,
      tenantId: event.tenantId,
      appId: event.appId,
      kind: event.kind,
      changeType: event.changeType,
      outcome: result.outcome,
      error: result.error,
      delayMs: Math.round(delaySec * 1000),
    },
    "callback processed",
  );
  return result.outcome;
}
