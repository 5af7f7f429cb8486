// A stored series as lib/wecom/rules.ts expands it: the basic rules, and the advanced
// custom recurrence and count end (wecom-meeting-api.md, "Advanced create and update
// fields (self-built apps)": is_custom_repeat with repeat_day_of_week[] or
// repeat_day_of_month[], repeat_until_type 1 with repeat_until_count).
import type { SeriesInput } from "../rules.js";
import type { MeetingReminders } from "./state.js";

/** How a stored series expands (lib/wecom/rules.ts occurrenceStarts), custom days and count included. */
export function seriesOfReminders(
  r: MeetingReminders,
  startSec: number,
  timeZone: string,
): SeriesInput {
  return {
    startSec,
    repeatType: r.repeat_type ?? 0,
    repeatInterval: r.repeat_interval,
    untilSec: r.repeat_until,
    timeZone,
    ...(r.is_custom_repeat === 1
      ? { daysOfWeek: r.repeat_day_of_week, daysOfMonth: r.repeat_day_of_month }
      : {}),
    ...(r.repeat_until_type === 1 ? { count: r.repeat_until_count } : {}),
  };
}
