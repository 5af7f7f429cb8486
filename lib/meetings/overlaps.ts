// Meetings booked through MeetBridge that overlap a proposed one for the same people: a
// warning in the form, never a refusal (people do double-book on purpose). A batch asks
// for many proposals at once (findOverlapsMany): one query, the same rule.
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

export interface OverlapQuery {
  accountIds: string[];
  startSec: number;
  durationSec: number;
  excludeId?: string;
}

const DAY_MS = 86_400_000;

export async function findOverlaps(db: TenantDb, input: OverlapQuery): Promise<Overlap[]> {
  return (await findOverlapsMany(db, [input], 50))[0]!;
}

/** The overlaps of each proposal, in order; `take` caps the candidates read (one proposal). */
export async function findOverlapsMany(
  db: TenantDb,
  inputs: OverlapQuery[],
  take?: number,
): Promise<Overlap[][]> {
  const sets = inputs.map((i) => new Set([...new Set(i.accountIds)].slice(0, 400)));
  const ids = [...new Set(sets.flatMap((s) => [...s]))];
  if (ids.length === 0) return inputs.map(() => []);
  const from = Math.min(...inputs.map((i) => i.startSec)) * 1000;
  const to = Math.max(...inputs.map((i) => i.startSec + i.durationSec)) * 1000;
  const excluded = inputs.flatMap((i) => (i.excludeId ? [i.excludeId] : []));
  // A meeting lasts under 24 h, so one that overlaps starts no earlier than a day before.
  const candidates = await db.meeting.findMany({
    where: {
      status: { in: ["booked", "in_progress"] },
      startAt: { gt: new Date(from - DAY_MS), lt: new Date(to) },
      AND: [
        {
          OR: [
            { adminAccountId: { in: ids } },
            {
              participants: {
                some: { oaAccountId: { in: ids }, role: { in: ["invitee", "host"] } },
              },
            },
          ],
        },
        // The meeting being edited is no clash with itself, nor are its occurrences that
        // were moved (each a one-off booked in an occurrence's place).
        ...(excluded.length
          ? [
              { id: { notIn: excluded } },
              {
                OR: [
                  { movedFromOccurrenceId: null },
                  { movedFromOccurrence: { meetingId: { notIn: excluded } } },
                ],
              },
            ]
          : []),
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
        select: { role: true, oaAccount: { select: { id: true, name: true } } },
      },
    },
    orderBy: { startAt: "asc" },
    take,
  });
  return inputs.map((input, n) => {
    const wanted = sets[n]!;
    const start = input.startSec * 1000;
    const end = (input.startSec + input.durationSec) * 1000;
    return candidates
      .filter((m) => {
        const mStart = m.startAt.getTime();
        if (mStart >= end || mStart + m.durationSec * 1000 <= start) return false;
        return (
          wanted.has(m.admin.id) ||
          m.participants.some((p) => p.oaAccount && wanted.has(p.oaAccount.id) && p.role !== "ring")
        );
      })
      .map((m) => {
        const names = new Set<string>();
        if (wanted.has(m.admin.id)) names.add(m.admin.name);
        for (const p of m.participants)
          if (p.oaAccount && wanted.has(p.oaAccount.id)) names.add(p.oaAccount.name);
        return {
          meetingId: m.id,
          title: m.title,
          startAt: m.startAt,
          durationSec: m.durationSec,
          people: [...names],
        };
      })
      .slice(0, 10);
  });
}
