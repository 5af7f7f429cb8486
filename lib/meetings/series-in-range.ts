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
import {
  civilDayOf,
  occurrenceDays,
  REPEAT_UNTIL_MAX_AFTER_START_SEC,
  type OccurrenceDays,
} from "@/lib/wecom/rules";
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
 * A stored series' occurrences as calendar days in the zone (rules.ts occurrenceDays), only
 * those up to the day `beforeSec` falls on when it is given. A series without a repeat
 * type is its start alone, as in the calendar. Days, not instants: turning a day into its
 * start is a zone conversion, done only for the days a caller looks at.
 */
export function seriesDays(m: StoredSeries, timeZone: string, beforeSec?: number): OccurrenceDays {
  const rules = seriesOfMeeting(m, timeZone);
  if (m.repeatType === null) {
    const only = sec(m.startAt);
    return { days: [civilDayOf(only, timeZone)], startOf: () => only };
  }
  // The occurrences before a day do not depend on what comes after it (the caps count from
  // the start): the walk may stop at the range's end.
  const untilSec =
    beforeSec === undefined
      ? rules.untilSec
      : Math.min(rules.untilSec ?? Number.MAX_SAFE_INTEGER, beforeSec);
  return occurrenceDays({ ...rules, untilSec }, seriesCapOf(rules));
}

/** A range of starts as calendar days [from, to) in the zone (its ends are midnights). */
export function rangeDays(range: StartRange, timeZone: string) {
  return {
    from: range.gte ? civilDayOf(sec(range.gte), timeZone) : Number.NEGATIVE_INFINITY,
    to: range.lt ? civilDayOf(sec(range.lt), timeZone) : Number.POSITIVE_INFINITY,
  };
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
  const days = rangeDays(range, timeZone);
  const found: string[] = [];
  const left: string[] = [];
  for (const m of candidates) {
    const walk = seriesDays(m, timeZone, range.lt ? sec(range.lt) : undefined);
    const hit = walk.days.some(
      (d) => d >= days.from && d < days.to && !gone.has(occurrenceKey(m.id, walk.startOf(d))),
    );
    (hit ? found : left).push(m.id);
  }
  return found.length <= left.length
    ? { id: { in: found } }
    : { AND: [mayRun, { id: { notIn: left } }] };
}
