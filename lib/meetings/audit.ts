import "server-only";
import type { MeetingActor } from "./types";

/** One audit event for a change to a meeting, with the actor's source and address. */
export async function auditMeeting(
  actor: MeetingActor,
  meetingId: string,
  action: string,
  diff: Record<string, unknown>,
): Promise<void> {
  await actor.db.auditEvent.create({
    data: {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      source: actor.source,
      action,
      objectType: "Meeting",
      objectId: meetingId,
      diff: (actor.via ? { ...diff, via: actor.via } : diff) as object,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true }, // nothing is read back: no row to map
  });
}
