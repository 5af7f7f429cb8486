// The occurrences of a series as WeCom last reported them (decision 018). get_info lists one
// page of a series' occurrences (wecom-meeting-api.md, meeting/get_info): what it lists is
// written here, what it leaves out is left as it was, so the table is never taken for the
// whole series. An occurrence with no row is as booked as its series.
import "server-only";
import type { MeetingInfo } from "@/lib/wecom";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { auditMeeting } from "./audit";
import { statusOf, type MeetingStatusName } from "./status";
import type { MeetingActor } from "./types";

export interface StoredOccurrence {
  id: string;
  subMeetingId: string;
  startAt: Date;
  endAt: Date;
  status: MeetingStatusName;
  cancelledAt: Date | null;
  /** The one-off booked in its place ("改这一次的时间"), if any. */
  movedTo: { id: string; title: string; startAt: Date } | null;
}

const at = (sec: number) => new Date(sec * 1000);

/**
 * Writes the occurrences get_info listed; returns those WeCom now reports cancelled that the
 * table did not (a member cancelled one in the WeCom client), each audited once.
 */
export async function storeOccurrences(
  actor: MeetingActor,
  meetingId: string,
  info: Pick<MeetingInfo, "subMeetings" | "hasMoreSubMeetings">,
  now = new Date(),
): Promise<string[]> {
  if (info.subMeetings.length === 0) return [];
  await dropUnlisted(actor, meetingId, info, now);
  const known = await actor.db.meetingOccurrence.findMany({
    where: { meetingId, subMeetingId: { in: info.subMeetings.map((o) => o.subMeetingId) } },
    select: { subMeetingId: true, startAt: true, endAt: true, status: true },
  });
  const byId = new Map(known.map((k) => [k.subMeetingId, k]));
  const newlyCancelled: string[] = [];
  for (const o of info.subMeetings) {
    const status = statusOf(o.status);
    const had = byId.get(o.subMeetingId);
    const same =
      had &&
      had.status === status &&
      had.startAt.getTime() === o.startTime * 1000 &&
      had.endAt.getTime() === o.endTime * 1000;
    if (same) continue;
    const cancelledNow = status === "cancelled" && had?.status !== "cancelled";
    if (cancelledNow) newlyCancelled.push(o.subMeetingId);
    const data = {
      startAt: at(o.startTime),
      endAt: at(o.endTime),
      status,
      ...(cancelledNow ? { cancelledAt: now } : {}),
    };
    await actor.db.meetingOccurrence.upsert({
      where: { meetingId_subMeetingId: { meetingId, subMeetingId: o.subMeetingId } },
      create: { tenantId: actor.tenantId, meetingId, subMeetingId: o.subMeetingId, ...data },
      update: data,
    });
    if (cancelledNow)
      await auditMeeting(actor, meetingId, "meeting.occurrence.cancel", {
        subMeetingId: o.subMeetingId,
        startAt: data.startAt.toISOString(),
        seenInWecom: true,
      });
  }
  return newlyCancelled;
}

/**
 * WeCom's page runs from the occurrence in progress or next, without gaps: a stored
 * occurrence not yet over, up to the page's last, that WeCom no longer lists is gone (the
 * series was moved or its rules changed, which gives every occurrence a new id). Past the
 * page only when WeCom says nothing follows. Occurrences that are over are history and stay.
 */
async function dropUnlisted(
  actor: MeetingActor,
  meetingId: string,
  info: Pick<MeetingInfo, "subMeetings" | "hasMoreSubMeetings">,
  now: Date,
): Promise<void> {
  const last = Math.max(...info.subMeetings.map((o) => o.startTime));
  await actor.db.meetingOccurrence.deleteMany({
    where: {
      meetingId,
      subMeetingId: { notIn: info.subMeetings.map((o) => o.subMeetingId) },
      endAt: { gt: now },
      ...(info.hasMoreSubMeetings ? { startAt: { lte: at(last) } } : {}),
    },
  });
}

/** Marks one occurrence cancelled after MeetBridge's own meeting/cancel took effect. */
export async function markOccurrenceCancelled(
  db: TenantDb,
  tenantId: string,
  meetingId: string,
  o: { subMeetingId: string; startAt: Date; endAt: Date },
): Promise<void> {
  const data = { status: "cancelled" as const, cancelledAt: new Date() };
  await db.meetingOccurrence.upsert({
    where: { meetingId_subMeetingId: { meetingId, subMeetingId: o.subMeetingId } },
    create: { tenantId, meetingId, ...o, ...data },
    update: data,
  });
}

/** The stored occurrences of a meeting, by start, with the one-off that replaced each. */
export async function listOccurrences(
  db: TenantDb,
  meetingId: string,
): Promise<StoredOccurrence[]> {
  const rows = await db.meetingOccurrence.findMany({
    where: { meetingId },
    orderBy: { startAt: "asc" },
    select: {
      id: true,
      subMeetingId: true,
      startAt: true,
      endAt: true,
      status: true,
      cancelledAt: true,
      movedTo: { select: { id: true, title: true, startAt: true }, take: 1 },
    },
  });
  return rows.map(({ movedTo, ...r }) => ({ ...r, movedTo: movedTo[0] ?? null }));
}
