// WeCom meeting rules shared by the browser form's zod schema, the server and the
// simulator. Client-safe: no node: imports. See docs/wecom-meeting-api.md for where
// each limit comes from and why the stricter reading was chosen.
import { TZDate } from "@date-fns/tz";

export const TITLE_MAX_UNITS = 40;
export const DESCRIPTION_MAX_BYTES = 500;
export const LOCATION_MAX_CHARS = 128;
export const DURATION_MIN_SEC = 300;
export const DURATION_MAX_SEC = 86399;
export const HOSTS_MAX = 10;
export const INVITEES_MAX = 100;
export const INVITEES_MAX_PAID = 300;
export const CAL_ID_MAX_BYTES = 64;
export const REMIND_BEFORE_VALUES = [0, 300, 900, 3600, 86400] as const;
export const REMIND_SCOPES = [1, 2, 3, 4] as const;
export const ENTER_MUTE_VALUES = [0, 1, 2] as const;
export const REPEAT_TYPES = { daily: 0, weekly: 1, monthly: 2, workday: 7 } as const;
export const REPEAT_TYPE_VALUES = [0, 1, 2, 7] as const;
export const REPEAT_INTERVALS = [1, 2] as const;
export const PASSWORD_RE = /^\d{4,6}$/;
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/**
 * How far ahead a meeting may start: `meeting_start` ≤ now + 366 days. WeCom books at
 * most about a year ahead; 366 days keeps "the same day next year" bookable in a leap
 * year too.
 */
export const MEETING_START_MAX_AHEAD_SEC = 366 * 86_400;

/**
 * How long after `meeting_start` a series' `reminders.repeat_until` may lie: 10 years
 * (of 366 days). The occurrence caps already end every real series sooner (the longest,
 * 50 monthly occurrences on the 31st, spans about 7 years), so this refuses nothing the
 * caps allow; it keeps a far-off date from reaching the calendar arithmetic at all.
 */
export const REPEAT_UNTIL_MAX_AFTER_START_SEC = 10 * 366 * 86_400;

/**
 * The latest Unix time any meeting field may hold (`meeting_start`, `repeat_until`):
 * 2099-12-31T23:59:59Z. A bound that needs no clock, for checks on a value alone;
 * beyond it (and far beyond it, where a Date is invalid) nothing is counted.
 */
export const MEETING_TIME_MAX_SEC = 4_102_444_799;

export type RepeatType = (typeof REPEAT_TYPES)[keyof typeof REPEAT_TYPES];

/** Title length as WeCom counts it: "40 bytes or 20 characters" read as ASCII 1, anything else 2. */
export function titleUnits(s: string): number {
  let units = 0;
  for (const ch of s) units += (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  return units;
}

export function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function maxOccurrences(repeatType: number, repeatInterval?: number): number {
  const everyOtherWeek = repeatType === REPEAT_TYPES.weekly && repeatInterval === 2;
  return repeatType === REPEAT_TYPES.monthly || everyOtherWeek ? 50 : 200;
}

export interface SeriesInput {
  startSec: number;
  repeatType: number;
  repeatInterval?: number;
  /** Unset = the series runs to its maximum number of occurrences. */
  untilSec?: number;
  timeZone?: string;
  /**
   * Custom recurrence (API doc, "Advanced create and update fields": `is_custom_repeat`
   * with `repeat_day_of_week[]`, 1 Monday … 7 Sunday): the weekdays of a weekly series.
   */
  daysOfWeek?: readonly number[];
  /** Custom recurrence: the days of the month (1–31) of a monthly series (`repeat_day_of_month[]`). */
  daysOfMonth?: readonly number[];
  /** The series ends after this many occurrences (`repeat_until_type` 1, `repeat_until_count`). */
  count?: number;
}

/** Custom recurrence (API doc, advanced fields): weekdays 1 Monday … 7 Sunday, days 1–31. */
export const REPEAT_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const REPEAT_MONTH_DAYS_MAX = 31;

/** Whether a series input asks for custom recurrence (chosen weekdays or days of the month). */
export function isCustomSeries(input: SeriesInput): boolean {
  return (
    (input.repeatType === REPEAT_TYPES.weekly && !!input.daysOfWeek?.length) ||
    (input.repeatType === REPEAT_TYPES.monthly && !!input.daysOfMonth?.length)
  );
}

interface CivilDate {
  y: number;
  m: number; // 0-11
  d: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (c: CivilDate) => Date.UTC(c.y, c.m, c.d) / DAY_MS;
const fromDayNumber = (n: number): CivilDate => {
  const dt = new Date(n * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth(), d: dt.getUTCDate() };
};
// 1970-01-01 (day 0) was a Thursday; 0 = Sunday.
const weekday = (n: number) => (((n + 4) % 7) + 7) % 7;
/** WeCom's `repeat_day_of_week` numbering: 1 Monday … 7 Sunday. */
const isoWeekday = (n: number) => weekday(n) || 7;
/** The day number of the Monday of n's week. */
const weekStart = (n: number) => n - (isoWeekday(n) - 1);
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

/**
 * Start times (Unix seconds) of a series' occurrences, at the start's wall-clock time
 * in the time zone, up to `untilSec` inclusive by calendar day, and never more than
 * `atMost`. Workday series fall on Mon–Fri only; monthly series keep the start's day of
 * month and skip months without it (a 31st skips 30-day months). A custom series falls on
 * its chosen weekdays (every `repeatInterval` weeks) or chosen days of the month (a month
 * without the day skips it); its first occurrence is always the start. `count` ends the
 * series after that many occurrences.
 */
export function occurrenceStarts(input: SeriesInput, atMost = Number.MAX_SAFE_INTEGER): number[] {
  const walk = occurrenceDays(input, atMost);
  return walk.days.map(walk.startOf);
}

/** A series' occurrences as days, and the way from a day to its start. */
export interface OccurrenceDays {
  /** Each occurrence's calendar day in the zone, as a day number (civilDayOf). */
  days: number[];
  /** The start (Unix seconds) of the occurrence on that day. */
  startOf: (day: number) => number;
}

/**
 * occurrenceStarts as calendar days: the same walk, without turning every day back into
 * an instant (a zone conversion is the costly part). A caller that needs only some of the
 * starts (a range check over many series) converts only those.
 */
export function occurrenceDays(
  input: SeriesInput,
  atMost = Number.MAX_SAFE_INTEGER,
): OccurrenceDays {
  const limit = input.count === undefined ? atMost : Math.min(atMost, input.count);
  const tz = input.timeZone ?? DEFAULT_TIME_ZONE;
  const start = new TZDate(input.startSec * 1000, tz);
  const first: CivilDate = { y: start.getFullYear(), m: start.getMonth(), d: start.getDate() };
  const firstDay = dayNumber(first);
  let lastDay = Number.POSITIVE_INFINITY;
  if (input.untilSec !== undefined) {
    const until = new TZDate(input.untilSec * 1000, tz);
    lastDay = dayNumber({ y: until.getFullYear(), m: until.getMonth(), d: until.getDate() });
  }
  const at = (c: CivilDate) =>
    Math.floor(
      new TZDate(
        c.y,
        c.m,
        c.d,
        start.getHours(),
        start.getMinutes(),
        start.getSeconds(),
        tz,
      ).getTime() / 1000,
    );
  const out: number[] = [];
  const push = (c: CivilDate) => out.push(dayNumber(c));
  const result = () => ({
    days: out,
    startOf: (n: number) => (n === firstDay ? input.startSec : at(fromDayNumber(n))),
  });

  if (isCustomSeries(input)) {
    const weekly = input.repeatType === REPEAT_TYPES.weekly;
    const days = new Set(weekly ? input.daysOfWeek : input.daysOfMonth);
    const step = weekly ? 7 * (input.repeatInterval ?? 1) : 0;
    // A custom series spans at most the occurrence caps; the walk stops at the latest
    // `repeat_until` WeCom takes (REPEAT_UNTIL_MAX_AFTER_START_SEC) whatever the days.
    const end = Math.min(lastDay, firstDay + Math.ceil(REPEAT_UNTIL_MAX_AFTER_START_SEC / 86_400));
    for (let n = firstDay; n <= end && out.length < limit; n++) {
      const c = fromDayNumber(n);
      const on = weekly
        ? days.has(isoWeekday(n)) && (weekStart(n) - weekStart(firstDay)) % step === 0
        : days.has(c.d);
      if (n === firstDay || on) push(c);
    }
    return result();
  }
  if (input.repeatType === REPEAT_TYPES.monthly) {
    for (let i = 0; out.length < limit; i++) {
      const y = first.y + Math.floor((first.m + i) / 12);
      const m = (first.m + i) % 12;
      if (first.d > daysInMonth(y, m)) continue;
      const c = { y, m, d: first.d };
      if (dayNumber(c) > lastDay) break;
      push(c);
    }
    return result();
  }
  const step = input.repeatType === REPEAT_TYPES.weekly ? 7 * (input.repeatInterval ?? 1) : 1;
  for (let n = firstDay; n <= lastDay && out.length < limit; n += step) {
    if (input.repeatType === REPEAT_TYPES.workday && (weekday(n) === 0 || weekday(n) === 6))
      continue;
    push(fromDayNumber(n));
  }
  return result();
}

/** The calendar day of `sec` in the zone, as the day number occurrenceDays uses. */
export function civilDayOf(sec: number, timeZone = DEFAULT_TIME_ZONE): number {
  const t = new TZDate(sec * 1000, timeZone);
  return dayNumber({ y: t.getFullYear(), m: t.getMonth(), d: t.getDate() });
}

const inTimeRange = (sec: number) =>
  Number.isFinite(sec) && sec >= 0 && sec <= MEETING_TIME_MAX_SEC;

/**
 * How many occurrences a series makes up to `untilSec` (inclusive, by calendar day in
 * the time zone, whatever the time of day). Arithmetic rather than a walk, so the
 * form can show an honest count however far off `untilSec` is.
 *
 * Never NaN: a start or until that is not a finite time between 1970 and
 * MEETING_TIME_MAX_SEC (or any input that cannot be counted) gives
 * `Number.POSITIVE_INFINITY`, which is above every cap, so `n > maxOccurrences(…)`
 * refuses it. Show such a value as "invalid date", not as a count.
 */
export function countOccurrences(input: SeriesInput & { untilSec: number }): number {
  if (!inTimeRange(input.startSec) || !inTimeRange(input.untilSec)) return Number.POSITIVE_INFINITY;
  const n = countInRange(input);
  return Number.isNaN(n) ? Number.POSITIVE_INFINITY : n;
}

function countInRange(input: SeriesInput & { untilSec: number }): number {
  const tz = input.timeZone ?? DEFAULT_TIME_ZONE;
  const civil = (sec: number): CivilDate => {
    const t = new TZDate(sec * 1000, tz);
    return { y: t.getFullYear(), m: t.getMonth(), d: t.getDate() };
  };
  const first = civil(input.startSec);
  const last = civil(input.untilSec);
  const span = dayNumber(last) - dayNumber(first);
  if (span < 0) return 0;
  // A custom series is walked: its days have no closed form, and its span is bounded.
  if (isCustomSeries(input)) return occurrenceStarts({ ...input, count: undefined }).length;
  switch (input.repeatType) {
    case REPEAT_TYPES.weekly:
      return Math.floor(span / (7 * (input.repeatInterval ?? 1))) + 1;
    case REPEAT_TYPES.workday: {
      const fullWeeks = Math.floor((span + 1) / 7);
      let n = fullWeeks * 5;
      for (let day = dayNumber(first) + fullWeeks * 7; day <= dayNumber(last); day++) {
        if (weekday(day) !== 0 && weekday(day) !== 6) n++;
      }
      return n;
    }
    case REPEAT_TYPES.monthly: {
      let n = 0;
      const months = (last.y - first.y) * 12 + last.m - first.m;
      for (let i = 0; i <= months; i++) {
        const y = first.y + Math.floor((first.m + i) / 12);
        const m = (first.m + i) % 12;
        if (first.d <= daysInMonth(y, m) && dayNumber({ y, m, d: first.d }) <= dayNumber(last)) n++;
      }
      return n;
    }
    default:
      return span + 1;
  }
}

// Advanced fields, self-built apps only (API doc, "Advanced create and update fields").
/** A phone guest's name: at most 16 characters. */
export const GUEST_NAME_MAX = 16;
/** Area code without "+" (for example "86"). The doc gives no length: 1–4 digits as ITU codes. */
export const GUEST_AREA_RE = /^\d{1,4}$/;
/** The doc gives no format: digits only, 5–15 (E.164's longest national number). */
export const GUEST_PHONE_RE = /^\d{5,15}$/;
/** Guests per meeting: the doc gives none, the invitee cap of paid editions is the stricter bound. */
export const GUESTS_MAX = 300;
export const AUTO_RECORD_TYPES = ["none", "local", "cloud"] as const;
