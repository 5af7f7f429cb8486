// Meetings booked through MeetBridge that overlap a proposed one for the same people: a
// warning in the form, never a refusal (people do double-book on purpose).
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";

export interface Overlap {
  meetingId: string;
  title: string;
  startAt: Date;
  durationSec: number;
  /** Names of the people who are in both. */
  people: string[];
}

export async function findOverlaps(
  db: TenantDb,
  input: { accountIds: string[]; startSec: number; durationSec: number; excludeId?: string },
): Promise<Overlap[]> {
  const ids = [...new Set(input.accountIds)].slice(0, 400);
  if (ids.length === 0) return [];
  const start = new Date(input.startSec * 1000);
  const end = new Date((input.startSec + input.durationSec) * 1000);
  // A meeting lasts under 24 h, so one that overlaps starts no earlier than a day before.
  const candidates = await db.meeting.findMany({
    where: {
      id: input.excludeId ? { not: input.excludeId } : undefined,
      status: { in: ["booked", "in_progress"] },
      startAt: { gt: new Date(start.getTime() - 86_400_000), lt: end },
      OR: [
        { adminAccountId: { in: ids } },
        { participants: { some: { oaAccountId: { in: ids }, role: { in: ["invitee", "host"] } } } },
      ],
    },
    select: {
      id: true,
      title: true,
      startAt: true,
      durationSec: true,
      admin: { select: { id: true, name: true } },
      participants: {
        where: { oaAccountId: { in: ids } },
        select: { oaAccount: { select: { id: true, name: true } } },
      },
    },
    orderBy: { startAt: "asc" },
    take: 50,
  });
  const wanted = new Set(ids);
  return candidates
    .filter((m) => m.startAt.getTime() + m.durationSec * 1000 > start.getTime())
    .map((m) => {
      const names = new Set<string>();
      if (wanted.has(m.admin.id)) names.add(m.admin.name);
      for (const p of m.participants) if (p.oaAccount) names.add(p.oaAccount.name);
      return {
        meetingId: m.id,
        title: m.title,
        startAt: m.startAt,
        durationSec: m.durationSec,
        people: [...names],
      };
    })
    .slice(0, 10);
}
