// A stored series as lib/wecom/rules.ts expands it: the row's repeat columns, and the
// custom recurrence and count end its settings JSON keeps (stored-booking.ts; API doc,
// "Advanced create and update fields (self-built apps)"). The calendar, the meeting page
// and the form's preview all expand a series through occurrenceStarts, so they agree.
import { maxOccurrences, REPEAT_TYPES, type SeriesInput } from "@/lib/wecom/rules";
import type { StoredSettings } from "./stored-booking";

export interface StoredSeries {
  startAt: Date;
  repeatType: number | null;
  repeatInterval: number | null;
  repeatUntil: Date | null;
  settings: unknown;
}

const sec = (d: Date) => Math.floor(d.getTime() / 1000);

export function seriesOfMeeting(m: StoredSeries, timeZone: string): SeriesInput {
  const s = (m.settings ?? {}) as Partial<StoredSettings>;
  const repeatType = m.repeatType ?? REPEAT_TYPES.daily;
  return {
    startSec: sec(m.startAt),
    repeatType,
    repeatInterval: repeatType === REPEAT_TYPES.weekly ? (m.repeatInterval ?? 1) : undefined,
    untilSec: m.repeatUntil ? sec(m.repeatUntil) : undefined,
    timeZone,
    ...(s.customRepeat?.daysOfWeek?.length ? { daysOfWeek: s.customRepeat.daysOfWeek } : {}),
    ...(s.customRepeat?.daysOfMonth?.length ? { daysOfMonth: s.customRepeat.daysOfMonth } : {}),
    ...(s.repeatCount !== undefined ? { count: s.repeatCount } : {}),
  };
}

/** WeCom's cap on the series' occurrences (200, or 50 every other week and monthly). */
export const seriesCapOf = (series: SeriesInput) =>
  maxOccurrences(series.repeatType, series.repeatInterval);
