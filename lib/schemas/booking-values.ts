// What the booking form holds and shows, without zod: the form's first load stays small
// and fetches the schema (lib/schemas/booking.ts) when it first validates. Client-safe.
import {
  DURATION_MAX_SEC,
  DURATION_MIN_SEC,
  REPEAT_TYPES,
  countOccurrences,
  maxOccurrences,
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

/** Occurrences the series makes, or undefined for one-off meetings or an open end. */
export function occurrenceCount(v: BookingValues, timeZone: string): number | undefined {
  const startSec = parseWallClock(v.start, timeZone);
  const untilSec = repeatUntilSec(v, timeZone);
  if (!v.isRepeat || startSec === undefined || untilSec === undefined) return undefined;
  return countOccurrences({
    startSec,
    untilSec,
    repeatType: v.repeatType,
    repeatInterval: v.repeatType === REPEAT_TYPES.weekly ? v.repeatInterval : undefined,
    timeZone,
  });
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
];
