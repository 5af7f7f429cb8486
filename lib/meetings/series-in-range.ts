// Which series have an occurrence in a date range, for the meetings list and the HTTP API
// (issue 20, item 2). A series is one row whose occurrences come from its rules
// (lib/wecom/rules.ts occurrenceStarts through series.ts, the same expansion as the
// calendar, the meeting page and the simulator); WeCom's stored occurrence rows are only
// the ones it listed (decision 018), so they say which occurrences were cancelled, not
// which exist.
//
// The database narrows first: a series that started before the range ends and whose last
// day is not before it (an open series runs at most REPEAT_UNTIL_MAX_AFTER_START_SEC).
// Only those are expanded, each only up to the range's end, and an occurrence cancelled
// on its own does not count. The answer goes back to the database as the shorter of the
// ids found or the ids left out, so that counts and pages stay one query each.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { occurrenceStarts, REPEAT_UNTIL_MAX_AFTER_START_SEC } from "@/lib/wecom/rules";
import { seriesCapOf, seriesOfMeeting, type StoredSeries } from "./series";

/** A half-open range of starts, [gte, lt); either end may be open. */
export interface StartRange {
  gte?: Date;
  lt?: Date;
}

export const sec = (d: Date) => Math.floor(d.getTime() / 1000);
export const occurrenceKey = (meetingId: string, startSec: number) => `${meetingId}@${startSec}`;

/** The fields a series is expanded from. */
export const SERIES_SELECT = {
  repeatType: true,
  repeatInterval: true,
  repeatUntil: true,
  // Custom recurrence and a count end live in the settings JSON (series.ts).
  settings: true,
} as const;

/**
 * The starts (Unix seconds, ascending) of a stored series' occurrences, those before
 * `beforeSec` only when it is given. A series without a repeat type is its start alone,
 * as in the calendar.
 */
export function seriesStarts(m: StoredSeries, timeZone: string, beforeSec?: number): number[] {
  if (m.repeatType === null) {
    const only = sec(m.startAt);
    return beforeSec === undefined || only < beforeSec ? [only] : [];
  }
  const rules = seriesOfMeeting(m, timeZone);
  // The occurrences before a day do not depend on what comes after it (the caps count from
  // the start): the walk may stop at the range's end.
  const untilSec =
    beforeSec === undefined
      ? rules.untilSec
      : Math.min(rules.untilSec ?? Number.MAX_SAFE_INTEGER, beforeSec);
  const starts = occurrenceStarts({ ...rules, untilSec }, seriesCapOf(rules));
  return beforeSec === undefined ? starts : starts.filter((s) => s < beforeSec);
}

/** Series that may have an occurrence in the range, in SQL terms (the exact check follows). */
function seriesMayRunInto(range: StartRange) {
  const startAt = {
    ...(range.lt ? { lt: range.lt } : {}),
    ...(range.gte
      ? { gte: new Date(range.gte.getTime() - REPEAT_UNTIL_MAX_AFTER_START_SEC * 1000) }
      : {}),
  };
  return {
    isRepeat: true,
    startAt,
    // repeatUntil counts by calendar day in the zone: a day's margin.
    ...(range.gte
      ? {
          OR: [
            { repeatUntil: null },
            { repeatUntil: { gte: new Date(range.gte.getTime() - 86_400_000) } },
          ],
        }
      : {}),
  };
}

/**
 * A where clause for the series under `base` with an occurrence starting in the range
 * that was not cancelled on its own. A series cancelled as a whole keeps its schedule,
 * as a cancelled one-off keeps its start: the status filter decides whether it shows.
 */
export async function seriesInRangeWhere<W extends object>(
  db: TenantDb,
  timeZone: string,
  base: W,
  range: StartRange,
) {
  const mayRun = seriesMayRunInto(range);
  const where = { AND: [base, mayRun] };
  const [candidates, cancelled] = await Promise.all([
    db.meeting.findMany({ where, select: { id: true, startAt: true, ...SERIES_SELECT } }),
    db.meetingOccurrence.findMany({
      where: { status: "cancelled", startAt: range, meeting: where },
      select: { meetingId: true, startAt: true },
    }),
  ]);
  const gone = new Set(cancelled.map((o) => occurrenceKey(o.meetingId, sec(o.startAt))));
  const from = range.gte ? sec(range.gte) : Number.NEGATIVE_INFINITY;
  const to = range.lt ? sec(range.lt) : undefined;
  const found: string[] = [];
  const left: string[] = [];
  for (const m of candidates) {
    const hit = seriesStarts(m, timeZone, to).some(
      (s) => s >= from && !gone.has(occurrenceKey(m.id, s)),
    );
    (hit ? found : left).push(m.id);
  }
  return found.length <= left.length
    ? { id: { in: found } }
    : { AND: [mayRun, { id: { notIn: left } }] };
}
