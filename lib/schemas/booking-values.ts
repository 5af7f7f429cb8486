// What the booking form holds and shows, without zod: the form's first load stays small
// and fetches the schema (lib/schemas/booking.ts) when it first validates. Client-safe.
import {
  DURATION_MAX_SEC,
  DURATION_MIN_SEC,
  REPEAT_TYPES,
  countOccurrences,
  maxOccurrences,
  occurrenceStarts,
  type SeriesInput,
} from "@/lib/wecom/rules";
import { parseCivilDate, parseWallClock, wallClockOfDay } from "./wall-clock";

export const DURATION_MIN_MIN = DURATION_MIN_SEC / 60;
export const DURATION_MAX_MIN = Math.floor(DURATION_MAX_SEC / 60);
export const DURATION_QUICK_PICKS = [30, 60, 120] as const;
/** WeCom books at most this far ahead; a later start is refused before WeCom sees it. */
export const START_MAX_AHEAD_SEC = 366 * 86_400;

export interface BookingValues {
  /** Chosen by the form once per submission; the same key never books twice. */
  idempotencyKey: string;
  appId: string;
  adminId: string;
  title: string;
  /** Wall-clock "YYYY-MM-DDTHH:mm" in the tenant's time zone. */
  start: string;
  durationMin: number;
  description: string;
  location: string;
  inviteeIds: string[];
  password: string;
  enableWaitingRoom: boolean;
  allowEnterBeforeHost: boolean;
  /** 1 no ring, 2 host only, 3 all members, 4 chosen members */
  remindScope: 1 | 2 | 3 | 4;
  ringIds: string[];
  /** 0 off, 1 on, 2 on above 6 people */
  enableEnterMute: 0 | 1 | 2;
  allowExternalUser: boolean;
  enableScreenWatermark: boolean;
  hostIds: string[];
  isRepeat: boolean;
  /** 0 daily, 1 weekly, 2 monthly, 7 every workday */
  repeatType: 0 | 1 | 2 | 7;
  repeatInterval: 1 | 2;
  /** "YYYY-MM-DD" in the tenant's time zone, or "" for the longest series WeCom allows. */
  repeatUntil: string;
  remindBefore: (0 | 300 | 900 | 3600 | 86400)[];
  /** Advanced, self-built apps only: guests invited by phone. */
  guests?: BookingGuest[];
  /** Advanced, self-built apps only: automatic recording. */
  autoRecordType?: "none" | "local" | "cloud";
  /**
   * Advanced, self-built apps only: custom recurrence (`is_custom_repeat`), a weekly series
   * on `repeatDaysOfWeek` or a monthly one on `repeatDaysOfMonth`.
   */
  isCustomRepeat?: boolean;
  /** Custom weekly series: 1 Monday … 7 Sunday (`repeat_day_of_week`). */
  repeatDaysOfWeek?: number[];
  /** Custom monthly series: days 1–31 (`repeat_day_of_month`). */
  repeatDaysOfMonth?: number[];
  /** Advanced, self-built apps only: the series ends after this many occurrences instead of on `repeatUntil`. */
  repeatCount?: number | null;
}

/** A guest invited by phone: area code without "+", number, name (≤ 16 characters). */
export interface BookingGuest {
  area: string;
  phone: string;
  name: string;
}

export interface BookingRuleContext {
  timeZone: string;
  /** The chosen app's invitee cap (100, or 300 on paid editions). */
  maxInvitees?: number;
  /** The chosen app's kind: the advanced fields are for self-built apps only. */
  appKind?: "self_built" | "third_party" | "custom";
  /** Now in Unix seconds; the real clock when unset (tests pin it). */
  nowSec?: () => number;
}

/** When the series ends (Unix seconds): the last day at the meeting's start time. */
export function repeatUntilSec(v: BookingValues, timeZone: string): number | undefined {
  const start = parseWallClock(v.start, timeZone);
  const day = parseCivilDate(v.repeatUntil);
  if (start === undefined || day === undefined) return undefined;
  return wallClockOfDay(day, start, timeZone);
}

/** Whether the values ask for custom recurrence (a weekly or monthly series on chosen days). */
export function isCustomRepeat(v: BookingValues): boolean {
  return (
    v.isRepeat &&
    v.isCustomRepeat === true &&
    (v.repeatType === REPEAT_TYPES.weekly || v.repeatType === REPEAT_TYPES.monthly)
  );
}

/**
 * The series as lib/wecom/rules.ts expands it (the preview, the count, the stored end):
 * the chosen days when custom, the count when it ends after N occurrences, else the end
 * date. Undefined for a one-off meeting or a start that is not a time.
 */
export function seriesOf(v: BookingValues, timeZone: string): SeriesInput | undefined {
  const startSec = parseWallClock(v.start, timeZone);
  if (!v.isRepeat || startSec === undefined) return undefined;
  const custom = isCustomRepeat(v);
  const weekly = v.repeatType === REPEAT_TYPES.weekly;
  return {
    startSec,
    repeatType: v.repeatType,
    repeatInterval: weekly ? v.repeatInterval : undefined,
    timeZone,
    ...(custom && weekly ? { daysOfWeek: v.repeatDaysOfWeek ?? [] } : {}),
    ...(custom && !weekly ? { daysOfMonth: v.repeatDaysOfMonth ?? [] } : {}),
    ...(v.repeatCount != null
      ? { count: v.repeatCount }
      : { untilSec: repeatUntilSec(v, timeZone) }),
  };
}

/** Occurrences the series makes, or undefined for one-off meetings or an open end. */
export function occurrenceCount(v: BookingValues, timeZone: string): number | undefined {
  const series = seriesOf(v, timeZone);
  if (!series) return undefined;
  if (series.count !== undefined) return series.count;
  if (series.untilSec === undefined) return undefined;
  return countOccurrences({ ...series, untilSec: series.untilSec });
}

/** When the series ends (Unix seconds, the last occurrence for a count), or undefined when open. */
export function seriesEndSec(v: BookingValues, timeZone: string): number | undefined {
  const series = seriesOf(v, timeZone);
  if (!series) return undefined;
  if (series.count === undefined) return series.untilSec;
  return occurrenceStarts(series, Math.min(series.count, seriesCap(v))).at(-1);
}

export function seriesCap(v: Pick<BookingValues, "repeatType" | "repeatInterval">): number {
  return maxOccurrences(
    v.repeatType,
    v.repeatType === REPEAT_TYPES.weekly ? v.repeatInterval : undefined,
  );
}

/** What an untouched form holds: WeCom's own defaults, so untouched fields change nothing. */
export function defaultBookingValues(key: string): BookingValues {
  return {
    idempotencyKey: key,
    appId: "",
    adminId: "",
    title: "",
    start: "",
    durationMin: 60,
    description: "",
    location: "",
    inviteeIds: [],
    password: "",
    enableWaitingRoom: false,
    allowEnterBeforeHost: true,
    remindScope: 2,
    ringIds: [],
    enableEnterMute: 2,
    allowExternalUser: true,
    enableScreenWatermark: false,
    hostIds: [],
    isRepeat: false,
    repeatType: 0,
    repeatInterval: 1,
    repeatUntil: "",
    remindBefore: [],
  };
}

export const BOOKING_FIELDS: (keyof BookingValues)[] = [
  "idempotencyKey",
  "appId",
  "adminId",
  "title",
  "start",
  "durationMin",
  "description",
  "location",
  "inviteeIds",
  "password",
  "enableWaitingRoom",
  "allowEnterBeforeHost",
  "remindScope",
  "ringIds",
  "enableEnterMute",
  "allowExternalUser",
  "enableScreenWatermark",
  "hostIds",
  "isRepeat",
  "repeatType",
  "repeatInterval",
  "repeatUntil",
  "remindBefore",
  "isCustomRepeat",
  "repeatDaysOfWeek",
  "repeatDaysOfMonth",
  "repeatCount",
];
