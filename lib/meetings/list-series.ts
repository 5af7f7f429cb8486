// What the meetings list says about a series row (issue 20, item 2): its rule, the
// occurrence the row stands for, and how many occurrences cancelling it would take.
// Expanded from the rules (series-in-range.ts seriesStarts); WeCom's stored occurrence
// rows add which were cancelled one by one and the sub_meetingid that "cancel this one"
// needs (decision 018: only an occurrence WeCom listed can be cancelled alone).
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { civilDayOf, type SeriesInput } from "@/lib/wecom/rules";
import { seriesOfMeeting, type StoredSeries } from "./series";
import { occurrenceKey, rangeDays, sec, seriesDays, type StartRange } from "./series-in-range";
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
  // By day (a zone conversion per stored row, not per occurrence); an occurrence matches
  // when its start is the stored one.
  const byDay = new Map(
    stored.map((o) => [occurrenceKey(o.meetingId, civilDayOf(sec(o.startAt), timeZone)), o]),
  );
  const nowSec = sec(now);
  const today = civilDayOf(nowSec, timeZone);
  const days = range ? rangeDays(range, timeZone) : null;
  for (const m of series) {
    const walk = seriesDays(m, timeZone);
    const storedOn = (d: number) => {
      const o = byDay.get(occurrenceKey(m.id, d));
      return o && sec(o.startAt) === walk.startOf(d) ? o : undefined;
    };
    // A meeting lasts less than a day: one on a later day than today has not started, one
    // two days back is over; only yesterday's and today's need their start.
    const notOver = (d: number) =>
      d > today || (d >= today - 1 && walk.startOf(d) + m.durationSec > nowSec);
    const live = walk.days.filter((d) => storedOn(d)?.status !== "cancelled");
    const ahead = m.status === "cancelled" || m.status === "failed" ? [] : live.filter(notOver);
    const inRange = days ? live.filter((d) => d >= days.from && d < days.to) : [];
    const shown = days ? (inRange.find(notOver) ?? inRange[0]) : ahead[0];
    const occurrence = (d: number): ListOccurrence => {
      const o = storedOn(d);
      return {
        startAt: walk.startOf(d),
        subMeetingId: o?.subMeetingId ?? null,
        status: o?.status ?? m.status,
      };
    };
    out.set(m.id, {
      rule: seriesOfMeeting(m, timeZone),
      shown: shown === undefined ? null : occurrence(shown),
      remaining: ahead.length,
    });
  }
  return out;
}
