// What the meetings list says about a series row (issue 20, item 2): its rule, the
// occurrence the row stands for, and how many occurrences cancelling it would take.
// Expanded from the rules (series-in-range.ts seriesStarts); WeCom's stored occurrence
// rows add which were cancelled one by one and the sub_meetingid that "cancel this one"
// needs (decision 018: only an occurrence WeCom listed can be cancelled alone).
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { SeriesInput } from "@/lib/wecom/rules";
import { seriesOfMeeting, type StoredSeries } from "./series";
import { occurrenceKey, sec, seriesStarts, type StartRange } from "./series-in-range";
import type { MeetingStatusName } from "./status";

export interface ListOccurrence {
  /** Unix seconds. */
  startAt: number;
  /** WeCom's sub_meetingid, when WeCom has listed this occurrence; null otherwise. */
  subMeetingId: string | null;
  status: MeetingStatusName;
}

export interface ListSeries {
  /** The rule, as lib/wecom/rules.ts expands it (for the rule in words). */
  rule: SeriesInput;
  /**
   * The occurrence the row stands for: with a date range, the first in it not yet over
   * (else the first in it); without one, the next not yet over. Cancelled ones are
   * skipped; null when there is none (a series over, or cancelled as a whole).
   */
  shown: ListOccurrence | null;
  /** Occurrences not yet over and not cancelled: what cancelling the whole series takes. */
  remaining: number;
}

type SeriesRow = StoredSeries & {
  id: string;
  isRepeat: boolean;
  durationSec: number;
  status: MeetingStatusName;
};

/** The series facts of a page's rows, by meeting id (one query for the stored occurrences). */
export async function seriesOfRows(
  db: TenantDb,
  timeZone: string,
  rows: SeriesRow[],
  range: StartRange | null,
  now: Date,
): Promise<Map<string, ListSeries>> {
  const series = rows.filter((r) => r.isRepeat);
  const out = new Map<string, ListSeries>();
  if (!series.length) return out;
  const stored = await db.meetingOccurrence.findMany({
    where: {
      meetingId: { in: series.map((m) => m.id) },
      OR: [{ endAt: { gt: now } }, ...(range ? [{ startAt: range }] : [])],
    },
    select: { meetingId: true, subMeetingId: true, startAt: true, status: true },
  });
  const byKey = new Map(stored.map((o) => [occurrenceKey(o.meetingId, sec(o.startAt)), o]));
  const nowSec = sec(now);
  const from = range?.gte ? sec(range.gte) : Number.NEGATIVE_INFINITY;
  const to = range?.lt ? sec(range.lt) : Number.POSITIVE_INFINITY;
  for (const m of series) {
    const live = m.status !== "cancelled" && m.status !== "failed";
    const occurrence = (s: number): ListOccurrence => {
      const o = byKey.get(occurrenceKey(m.id, s));
      return { startAt: s, subMeetingId: o?.subMeetingId ?? null, status: o?.status ?? m.status };
    };
    const starts = seriesStarts(m, timeZone).filter(
      (s) => byKey.get(occurrenceKey(m.id, s))?.status !== "cancelled",
    );
    const notOver = live ? starts.filter((s) => s + m.durationSec > nowSec) : [];
    const inRange = starts.filter((s) => s >= from && s < to);
    const shown = range
      ? (inRange.find((s) => s + m.durationSec > nowSec) ?? inRange[0])
      : notOver[0];
    out.set(m.id, {
      rule: seriesOfMeeting(m, timeZone),
      shown: shown === undefined ? null : occurrence(shown),
      remaining: notOver.length,
    });
  }
  return out;
}
