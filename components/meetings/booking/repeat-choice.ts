// The booking form's one recurrence choice (每天 / 每个工作日 / 每周 / 每两周 / 每月, and
// 自定义 for self-built apps), read from and written to the schema's fields: repeatType,
// repeatInterval and isCustomRepeat (API doc: repeat_type, repeat_interval,
// is_custom_repeat). Client-safe.
import { REPEAT_TYPES } from "@/lib/schemas/booking-rules";
import type { BookingValues } from "@/lib/schemas/booking-values";
import { parseWallClock } from "@/lib/schemas/wall-clock";
import { TZDate } from "@date-fns/tz";

export const REPEAT_CHOICES = [
  "daily",
  "workday",
  "weekly",
  "biweekly",
  "monthly",
  "custom",
] as const;
export type RepeatChoice = (typeof REPEAT_CHOICES)[number];

export function choiceOf(
  v: Pick<BookingValues, "repeatType" | "repeatInterval" | "isCustomRepeat">,
): RepeatChoice {
  if (v.isCustomRepeat) return "custom";
  switch (v.repeatType) {
    case REPEAT_TYPES.workday:
      return "workday";
    case REPEAT_TYPES.monthly:
      return "monthly";
    case REPEAT_TYPES.weekly:
      return v.repeatInterval === 2 ? "biweekly" : "weekly";
    default:
      return "daily";
  }
}

/** The start's weekday (1 Monday … 7 Sunday) and day of the month, in the tenant's zone. */
export function startDays(
  start: string,
  timeZone: string,
): { weekday: number; day: number } | undefined {
  const sec = parseWallClock(start, timeZone);
  if (sec === undefined) return undefined;
  const d = new TZDate(sec * 1000, timeZone);
  return { weekday: d.getDay() || 7, day: d.getDate() };
}

/** The fields a choice sets. Custom starts weekly on the start's weekday (or kept days). */
export function valuesOfChoice(
  choice: RepeatChoice,
  v: BookingValues,
  timeZone: string,
): Partial<BookingValues> {
  const basic = { isCustomRepeat: undefined, repeatInterval: 1 as const };
  switch (choice) {
    case "daily":
      return { ...basic, repeatType: REPEAT_TYPES.daily };
    case "workday":
      return { ...basic, repeatType: REPEAT_TYPES.workday };
    case "weekly":
      return { ...basic, repeatType: REPEAT_TYPES.weekly };
    case "biweekly":
      return { ...basic, repeatType: REPEAT_TYPES.weekly, repeatInterval: 2 };
    case "monthly":
      return { ...basic, repeatType: REPEAT_TYPES.monthly };
    case "custom": {
      const monthly = v.repeatType === REPEAT_TYPES.monthly;
      return {
        isCustomRepeat: true,
        repeatType: monthly ? REPEAT_TYPES.monthly : REPEAT_TYPES.weekly,
        repeatInterval: 1,
        ...customDays(monthly ? REPEAT_TYPES.monthly : REPEAT_TYPES.weekly, v, timeZone),
      };
    }
  }
}

/** A custom series' days: those already chosen, else the start's weekday or day. */
export function customDays(
  repeatType: number,
  v: BookingValues,
  timeZone: string,
): Partial<BookingValues> {
  const at = startDays(v.start, timeZone);
  if (repeatType === REPEAT_TYPES.monthly)
    return {
      repeatDaysOfMonth: v.repeatDaysOfMonth?.length ? v.repeatDaysOfMonth : at ? [at.day] : [],
    };
  return {
    repeatDaysOfWeek: v.repeatDaysOfWeek?.length ? v.repeatDaysOfWeek : at ? [at.weekday] : [],
  };
}
