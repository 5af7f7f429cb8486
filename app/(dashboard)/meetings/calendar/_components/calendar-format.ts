import type { CalendarOccurrence } from "@/lib/meetings/calendar";
import type { useFormatter } from "next-intl";

export type Formatter = ReturnType<typeof useFormatter>;

/** A "YYYY-MM-DD" as a Date to format in UTC (its noon, clear of any day boundary). */
export const civil = (day: string) => new Date(`${day}T12:00:00Z`);

/** "14:00" in the zone. */
export const clock = (format: Formatter, sec: number, timeZone: string) =>
  format.dateTime(new Date(sec * 1000), {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  });

/** "14:00–15:30" in the zone. */
export const clockRange = (
  format: Formatter,
  o: { startSec: number; endSec: number },
  tz: string,
) => `${clock(format, o.startSec, tz)}–${clock(format, o.endSec, tz)}`;

/** "2026年12月8日星期二" / "Tuesday, December 8, 2026": a day's accessible name. */
export const dayLabel = (format: Formatter, day: string) =>
  format.dateTime(civil(day), {
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "long",
    timeZone: "UTC",
  });

/** What a view of one week (the grid, the agenda) is drawn from. */
export interface WeekViewProps<Labels> {
  days: string[];
  today: string;
  byDay: Map<string, CalendarOccurrence[]>;
  timeZone: string;
  format: Formatter;
  labels: Labels;
}
