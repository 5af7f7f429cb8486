// Custom recurrence (wecom-meeting-api.md, "Advanced create and update fields": chosen
// weekdays 1 Monday … 7 Sunday for a weekly series, chosen days 1–31 for a monthly one,
// ending on a date or after N occurrences): the expansion the form's preview, the count,
// the calendar, the meeting page and the simulator share.
import { describe, expect, it } from "vitest";
import { countOccurrences, occurrenceStarts, REPEAT_TYPES } from "./rules";

// Wall-clock time in Asia/Shanghai (UTC+8, no DST) as Unix seconds.
const sh = (iso: string) => Math.floor(Date.parse(`${iso}+08:00`) / 1000);
const day = (sec: number) =>
  new Date((sec + 8 * 3600) * 1000).toISOString().slice(0, 16).replace("T", " ");

describe("custom weekly series", () => {
  // 2026-06-16 is a Tuesday.
  const start = sh("2026-06-16T10:00");

  it("falls on the chosen weekdays from the start on, at the start's time", () => {
    const starts = occurrenceStarts({
      startSec: start,
      repeatType: REPEAT_TYPES.weekly,
      daysOfWeek: [2, 4], // Tuesday, Thursday
      count: 5,
      timeZone: "Asia/Shanghai",
    });
    expect(starts.map(day)).toEqual([
      "2026-06-16 10:00",
      "2026-06-18 10:00",
      "2026-06-23 10:00",
      "2026-06-25 10:00",
      "2026-06-30 10:00",
    ]);
  });

  it("takes Sunday as 7 and keeps the start as the first occurrence", () => {
    const starts = occurrenceStarts(
      { startSec: start, repeatType: REPEAT_TYPES.weekly, daysOfWeek: [1, 7] },
      3,
    );
    expect(starts.map(day)).toEqual(["2026-06-16 10:00", "2026-06-21 10:00", "2026-06-22 10:00"]);
  });

  it("every other week skips the weeks between", () => {
    const starts = occurrenceStarts({
      startSec: start,
      repeatType: REPEAT_TYPES.weekly,
      repeatInterval: 2,
      daysOfWeek: [2, 5],
      count: 4,
    });
    expect(starts.map(day)).toEqual([
      "2026-06-16 10:00",
      "2026-06-19 10:00",
      "2026-06-30 10:00",
      "2026-07-03 10:00",
    ]);
  });

  it("counts up to an end date as it lists", () => {
    const input = {
      startSec: start,
      repeatType: REPEAT_TYPES.weekly,
      daysOfWeek: [1, 3, 5],
      untilSec: sh("2026-07-31T00:00"),
    };
    const n = countOccurrences(input);
    expect(n).toBe(occurrenceStarts(input).length);
    // 16 Jun (Tue, the start), then Mon/Wed/Fri from 17 Jun to 31 Jul: 20 days.
    expect(n).toBe(21);
  });
});

describe("custom monthly series", () => {
  it("falls on the chosen days and skips months without them", () => {
    const starts = occurrenceStarts({
      startSec: sh("2026-01-15T09:30"),
      repeatType: REPEAT_TYPES.monthly,
      daysOfMonth: [15, 30],
      count: 6,
    });
    expect(starts.map(day)).toEqual([
      "2026-01-15 09:30",
      "2026-01-30 09:30",
      "2026-02-15 09:30", // no 30 February
      "2026-03-15 09:30",
      "2026-03-30 09:30",
      "2026-04-15 09:30",
    ]);
  });
});

describe("a count end", () => {
  it("ends a basic series after N occurrences too", () => {
    const starts = occurrenceStarts({
      startSec: sh("2026-06-16T10:00"),
      repeatType: REPEAT_TYPES.workday,
      count: 3,
    });
    expect(starts.map(day)).toEqual(["2026-06-16 10:00", "2026-06-17 10:00", "2026-06-18 10:00"]);
  });
});
