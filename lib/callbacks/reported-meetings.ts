// Meetings WeCom reported through an app's callback that MeetBridge has no record of
// (booked in the WeCom client through that app, or by another tool): the adopt page
// offers them for adoption. Newest report first; once adopted, a meeting drops out.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";

export interface ReportedMeeting {
  appId: string;
  appName: string;
  wecomMeetingId: string;
  changeType: string | null;
  receivedAt: Date;
}

const LOOK_BACK_DAYS = 30;

export async function reportedMeetings(db: TenantDb, take = 50): Promise<ReportedMeeting[]> {
  const events = await db.callbackEvent.findMany({
    where: {
      kind: "meeting_change",
      outcome: "unknown-meeting",
      wecomMeetingId: { not: null },
      receivedAt: { gte: new Date(Date.now() - LOOK_BACK_DAYS * 86_400_000) },
    },
    select: {
      appId: true,
      wecomMeetingId: true,
      changeType: true,
      receivedAt: true,
      app: { select: { name: true } },
    },
    orderBy: { receivedAt: "desc" },
    take: take * 4,
  });
  const latest = new Map<string, ReportedMeeting>();
  for (const e of events) {
    const key = `${e.appId}\n${e.wecomMeetingId}`;
    if (latest.has(key)) continue;
    latest.set(key, {
      appId: e.appId,
      appName: e.app.name,
      wecomMeetingId: e.wecomMeetingId!,
      changeType: e.changeType,
      receivedAt: e.receivedAt,
    });
  }
  const candidates = [...latest.values()];
  if (candidates.length === 0) return [];
  // Adopted (or booked) since the report: no longer unknown.
  const known = await db.meeting.findMany({
    where: { wecomMeetingId: { in: candidates.map((c) => c.wecomMeetingId) } },
    select: { appId: true, wecomMeetingId: true },
  });
  const knownKeys = new Set(known.map((m) => `${m.appId}\n${m.wecomMeetingId}`));
  return candidates.filter((c) => !knownKeys.has(`${c.appId}\n${c.wecomMeetingId}`)).slice(0, take);
}
