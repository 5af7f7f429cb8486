// The calendar's read: the tenant's meetings that start inside a range, recurring series
// expanded to each of their occurrences there (lib/wecom/rules.ts occurrenceStarts, at
// the start's wall-clock time in the tenant's zone, respecting repeatUntil and WeCom's
// caps on the number of occurrences).
import "server-only";
import { TZDate } from "@date-fns/tz";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { occurrenceStarts, REPEAT_UNTIL_MAX_AFTER_START_SEC } from "@/lib/wecom/rules";
import { seriesCapOf, seriesOfMeeting } from "./series";
import type { MeetingStatusName } from "./status";

/** At most this many meeting rows (one-off meetings and series) are read for one range. */
export const CALENDAR_MAX_ROWS = 1000;

export interface CalendarOccurrence {
  meetingId: string;
  title: string;
  /** Unix seconds. */
  startSec: number;
  endSec: number;
  status: MeetingStatusName;
  isRepeat: boolean;
}

const sec = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * The occurrences that start in [fromSec, toSec), by start (then title). One-off meetings
 * starting in the range, and every recurring series that started before the range ends
 * and may still run into it (a series runs at most REPEAT_UNTIL_MAX_AFTER_START_SEC),
 * expanded. Meetings WeCom refused (`failed`) are left out: they never took place.
 */
export async function meetingsInRange(
  db: TenantDb,
  timeZone: string,
  fromSec: number,
  toSec: number,
): Promise<CalendarOccurrence[]> {
  if (!(toSec > fromSec)) return [];
  const from = new Date(fromSec * 1000);
  const to = new Date(toSec * 1000);
  const select = {
    id: true,
    title: true,
    startAt: true,
    durationSec: true,
    status: true,
    isRepeat: true,
    repeatType: true,
    repeatInterval: true,
    repeatUntil: true,
    // Custom recurrence and a count end live in the settings JSON (series.ts).
    settings: true,
  } as const;
  const [oneOff, series] = await Promise.all([
    db.meeting.findMany({
      where: {
        isRepeat: false,
        status: { not: "failed" },
        startAt: { gte: from, lt: to },
      },
      select,
      orderBy: { startAt: "asc" },
      take: CALENDAR_MAX_ROWS,
    }),
    db.meeting.findMany({
      where: {
        isRepeat: true,
        status: { not: "failed" },
        startAt: {
          lt: to,
          gte: new Date((fromSec - REPEAT_UNTIL_MAX_AFTER_START_SEC) * 1000),
        },
        // A series whose last day ended before the range: nothing to show. A day's
        // margin, as repeatUntil counts by calendar day in the zone.
        OR: [{ repeatUntil: null }, { repeatUntil: { gte: new Date((fromSec - 86_400) * 1000) } }],
      },
      select,
      orderBy: { startAt: "asc" },
      take: CALENDAR_MAX_ROWS,
    }),
  ]);

  const out: CalendarOccurrence[] = oneOff.map((m) => ({
    meetingId: m.id,
    title: m.title,
    startSec: sec(m.startAt),
    endSec: sec(m.startAt) + m.durationSec,
    status: m.status,
    isRepeat: false,
  }));
  // What WeCom reported of each occurrence (occurrences.ts): a cancelled one shows cancelled.
  const reported = await db.meetingOccurrence.findMany({
    where: { meetingId: { in: series.map((m) => m.id) }, startAt: { gte: from, lt: to } },
    select: { meetingId: true, startAt: true, status: true },
  });
  const reportedStatus = new Map(
    reported.map((o) => [`${o.meetingId}@${sec(o.startAt)}`, o.status]),
  );
  for (const m of series) {
    // A series without a repeat type is shown once, like a one-off meeting.
    const rules = seriesOfMeeting(m, timeZone);
    const starts =
      m.repeatType === null ? [sec(m.startAt)] : occurrenceStarts(rules, seriesCapOf(rules));
    for (const s of starts) {
      if (s < fromSec || s >= toSec) continue;
      out.push({
        meetingId: m.id,
        title: m.title,
        startSec: s,
        endSec: s + m.durationSec,
        // A cancelled series is cancelled every time; otherwise WeCom's word per occurrence.
        status:
          m.status === "cancelled" ? m.status : (reportedStatus.get(`${m.id}@${s}`) ?? m.status),
        isRepeat: true,
      });
    }
  }
  return out.sort((a, b) => a.startSec - b.startSec || a.title.localeCompare(b.title));
}

/** The agenda is the week as a list of days, the view that fits a phone. */
export const CALENDAR_VIEWS = ["agenda", "week", "month"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export interface CalendarRange {
  view: CalendarView;
  /** The day the view is about, "YYYY-MM-DD" in the zone. */
  date: string;
  /** The days shown, Monday first, each "YYYY-MM-DD" in the zone (a week's 7 or a month's whole weeks). */
  days: string[];
  fromSec: number;
  toSec: number;
  /** The same view a step back and forward, and the view's anchor for "today". */
  prev: string;
  next: string;
  today: string;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m, d));
  return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
};

/** The civil date of `sec` in the zone, "YYYY-MM-DD". */
export function dayInZone(sec: number, timeZone: string): string {
  const t = new TZDate(sec * 1000, timeZone);
  return ymd(t.getFullYear(), t.getMonth(), t.getDate());
}

/** A "YYYY-MM-DD" that names a real day between 1970 and 2099, else null. */
function parseDay(s: string | undefined): { y: number; m: number; d: number } | null {
  const match = s ? DATE_RE.exec(s) : null;
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  if (y < 1970 || y > 2099 || ymd(y, m, d) !== s) return null;
  return { y, m, d };
}

/**
 * The days and the time range a view shows: the Monday-to-Sunday week of `date` (the
 * week and the agenda), or the whole weeks covering its month; midnight to midnight in
 * the zone. An unknown view is a week, an invalid date is today (`nowSec`).
 */
export function calendarRange(
  view: string | undefined,
  date: string | undefined,
  timeZone: string,
  nowSec: number,
): CalendarRange {
  const v: CalendarView = CALENDAR_VIEWS.find((known) => known === view) ?? "week";
  const today = dayInZone(nowSec, timeZone);
  const anchor = parseDay(date) ?? parseDay(today)!;
  const dayNo = (y: number, m: number, d: number) => Date.UTC(y, m, d) / 86_400_000;
  // 1970-01-01 was a Thursday; Monday = 0.
  const mondayOf = (n: number) => n - ((((n + 3) % 7) + 7) % 7);
  let first: number;
  let last: number; // inclusive
  let prev: string;
  let next: string;
  if (v !== "month") {
    first = mondayOf(dayNo(anchor.y, anchor.m, anchor.d));
    last = first + 6;
    prev = ymd(anchor.y, anchor.m, anchor.d - 7);
    next = ymd(anchor.y, anchor.m, anchor.d + 7);
  } else {
    first = mondayOf(dayNo(anchor.y, anchor.m, 1));
    last = mondayOf(dayNo(anchor.y, anchor.m + 1, 0)) + 6;
    prev = ymd(anchor.y, anchor.m - 1, 1);
    next = ymd(anchor.y, anchor.m + 1, 1);
  }
  const days: string[] = [];
  for (let n = first; n <= last; n++) days.push(ymd(1970, 0, 1 + n));
  const midnight = (n: number) => {
    const [y, m, d] = ymd(1970, 0, 1 + n)
      .split("-")
      .map(Number) as [number, number, number];
    return Math.floor(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime() / 1000);
  };
  return {
    view: v,
    date: ymd(anchor.y, anchor.m, anchor.d),
    days,
    fromSec: midnight(first),
    toSec: midnight(last + 1),
    prev,
    next,
    today,
  };
}
