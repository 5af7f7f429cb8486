import { describe, expect, it } from "vitest";
import {
  codePoints,
  countOccurrences,
  MEETING_START_MAX_AHEAD_SEC,
  MEETING_TIME_MAX_SEC,
  maxOccurrences,
  occurrenceStarts,
  REPEAT_TYPES,
  REPEAT_UNTIL_MAX_AFTER_START_SEC,
  titleUnits,
  utf8Bytes,
} from "./rules";

// Wall-clock time in Asia/Shanghai (UTC+8, no DST) as Unix seconds.
const sh = (iso: string) => Math.floor(Date.parse(`${iso}+08:00`) / 1000);

describe("length rules", () => {
  it.each([
    ["Weekly sync", 11],
    ["周会", 4],
    ["Q3 周会", 7],
    ["😀", 2],
    ["", 0],
  ])("titleUnits(%j) = %d", (s, n) => expect(titleUnits(s)).toBe(n));

  it("a title of 20 CJK characters is exactly at the 40-unit limit, 21 is over", () => {
    expect(titleUnits("会".repeat(20))).toBe(40);
    expect(titleUnits("会".repeat(20) + "a")).toBe(41);
  });

  it("counts UTF-8 bytes, so 200 CJK characters are 600 bytes", () => {
    expect(utf8Bytes("a")).toBe(1);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("会".repeat(200))).toBe(600);
    expect(utf8Bytes("😀")).toBe(4);
  });

  it("counts an emoji as one character, not two UTF-16 units", () => {
    expect("😀😀".length).toBe(4);
    expect(codePoints("😀😀")).toBe(2);
    expect(codePoints("会议室A")).toBe(4);
  });
});

describe("maxOccurrences", () => {
  it("is 50 for monthly and every-other-week, 200 otherwise", () => {
    expect(maxOccurrences(REPEAT_TYPES.daily)).toBe(200);
    expect(maxOccurrences(REPEAT_TYPES.workday)).toBe(200);
    expect(maxOccurrences(REPEAT_TYPES.weekly, 1)).toBe(200);
    expect(maxOccurrences(REPEAT_TYPES.weekly, 2)).toBe(50);
    expect(maxOccurrences(REPEAT_TYPES.monthly)).toBe(50);
  });
});

describe("countOccurrences", () => {
  const start = sh("2025-03-03T10:00:00"); // a Monday

  it("counts daily occurrences by calendar day, even when until is earlier in the day", () => {
    expect(
      countOccurrences({ startSec: start, repeatType: 0, untilSec: sh("2025-03-09T00:00:00") }),
    ).toBe(7);
    expect(countOccurrences({ startSec: start, repeatType: 0, untilSec: start })).toBe(1);
  });

  it("reaches 200 daily occurrences on day 200 and 201 the day after", () => {
    const day = 86_400;
    expect(countOccurrences({ startSec: start, repeatType: 0, untilSec: start + 199 * day })).toBe(
      200,
    );
    expect(countOccurrences({ startSec: start, repeatType: 0, untilSec: start + 200 * day })).toBe(
      201,
    );
  });

  it("counts weekly and every-other-week series", () => {
    const until = sh("2025-03-31T09:00:00"); // 4 weeks later, a Monday
    expect(
      countOccurrences({ startSec: start, repeatType: 1, repeatInterval: 1, untilSec: until }),
    ).toBe(5);
    expect(
      countOccurrences({ startSec: start, repeatType: 1, repeatInterval: 2, untilSec: until }),
    ).toBe(3);
  });

  it("counts workdays Monday to Friday only", () => {
    expect(
      countOccurrences({ startSec: start, repeatType: 7, untilSec: sh("2025-03-09T23:00:00") }),
    ).toBe(5);
    expect(
      countOccurrences({ startSec: start, repeatType: 7, untilSec: sh("2025-03-17T00:00:00") }),
    ).toBe(11);
    const saturday = sh("2025-03-08T10:00:00");
    expect(
      countOccurrences({ startSec: saturday, repeatType: 7, untilSec: sh("2025-03-14T10:00:00") }),
    ).toBe(5);
  });

  it("skips months without the start's day of month", () => {
    const jan31 = sh("2025-01-31T10:00:00");
    // Jan, Mar, May, Jul, Aug, Oct, Dec have a 31st.
    expect(
      countOccurrences({ startSec: jan31, repeatType: 2, untilSec: sh("2025-12-31T00:00:00") }),
    ).toBe(7);
    expect(
      countOccurrences({
        startSec: sh("2025-01-15T10:00:00"),
        repeatType: 2,
        untilSec: sh("2025-12-14T00:00:00"),
      }),
    ).toBe(11);
  });

  it("uses the time zone's calendar day, not UTC's", () => {
    const lateEvening = sh("2025-03-03T23:30:00"); // 15:30 UTC
    const nextMorning = sh("2025-03-04T00:30:00"); // 16:30 UTC, same UTC day
    expect(countOccurrences({ startSec: lateEvening, repeatType: 0, untilSec: nextMorning })).toBe(
      2,
    );
    expect(
      countOccurrences({
        startSec: lateEvening,
        repeatType: 0,
        untilSec: nextMorning,
        timeZone: "UTC",
      }),
    ).toBe(1);
  });

  it("is 0 when until falls on a day before the start", () => {
    expect(countOccurrences({ startSec: start, repeatType: 0, untilSec: start - 86_400 })).toBe(0);
  });

  it("agrees with the listed occurrence starts", () => {
    for (const repeatType of [0, 1, 2, 7]) {
      for (const repeatInterval of [1, 2]) {
        for (const days of [0, 5, 31, 95, 400]) {
          const input = {
            startSec: sh("2024-02-29T08:15:00"),
            repeatType,
            repeatInterval,
            untilSec: sh("2024-02-29T08:15:00") + days * 86_400,
          };
          expect(countOccurrences(input)).toBe(occurrenceStarts(input).length);
        }
      }
    }
  });
});

describe("countOccurrences on inputs no calendar holds", () => {
  const start = sh("2025-03-03T10:00:00");

  it.each([
    ["an until beyond any date a Date can hold", { untilSec: 8_640_000_000_001 }],
    ["an until after 2099", { untilSec: MEETING_TIME_MAX_SEC + 1 }],
    ["an infinite until", { untilSec: Number.POSITIVE_INFINITY }],
    ["a NaN until", { untilSec: Number.NaN }],
    ["a NaN start", { startSec: Number.NaN, untilSec: start }],
    ["a start after 2099", { startSec: MEETING_TIME_MAX_SEC + 1, untilSec: start }],
  ])("is infinite, never NaN, for %s, so any cap refuses it", (_name, over) => {
    for (const repeatType of [0, 1, 2, 7]) {
      const n = countOccurrences({ startSec: start, repeatType, ...over });
      expect(n).toBe(Number.POSITIVE_INFINITY);
      expect(n > maxOccurrences(repeatType)).toBe(true);
    }
  });

  it("counts a series ending in the last second before 2100", () => {
    // The 3rd of every month from March 2025 to December 2099.
    const untilSec = MEETING_TIME_MAX_SEC;
    expect(countOccurrences({ startSec: start, repeatType: 2, untilSec, timeZone: "UTC" })).toBe(
      75 * 12 - 2,
    );
  });
});

describe("booking horizon", () => {
  it("is 366 days for the start, and 2099-12-31T23:59:59Z for any time", () => {
    expect(MEETING_START_MAX_AHEAD_SEC).toBe(366 * 86_400);
    expect(new Date((MEETING_TIME_MAX_SEC + 1) * 1000).toISOString()).toBe(
      "2100-01-01T00:00:00.000Z",
    );
  });

  it("lets repeat_until reach the last occurrence of the longest series the caps allow", () => {
    // The longest: 50 monthly occurrences on the 31st, which skips five months a year (~7 years).
    let longest = 0;
    for (const day of ["2025-01-31", "2025-03-31", "2025-12-31", "2027-01-31", "2028-02-29"]) {
      const startSec = sh(`${day}T10:00:00`);
      for (const [repeatType, repeatInterval] of [[0], [1, 1], [1, 2], [2], [7]]) {
        const input = { startSec, repeatType: repeatType ?? 0, repeatInterval };
        const starts = occurrenceStarts(input, maxOccurrences(input.repeatType, repeatInterval));
        longest = Math.max(longest, (starts.at(-1) ?? startSec) - startSec);
      }
    }
    expect(longest).toBeGreaterThan(7 * 365 * 86_400);
    expect(longest).toBeLessThanOrEqual(REPEAT_UNTIL_MAX_AFTER_START_SEC);
    // And a start a year ahead plus that span stays far from 2100.
    expect(sh("2026-12-31T23:59:59") + MEETING_START_MAX_AHEAD_SEC + longest).toBeLessThan(
      MEETING_TIME_MAX_SEC,
    );
  });
});

describe("occurrenceStarts", () => {
  it("keeps the start's wall-clock time and honours the limit", () => {
    const starts = occurrenceStarts({ startSec: sh("2025-01-31T10:00:00"), repeatType: 2 }, 3);
    expect(starts).toEqual([
      sh("2025-01-31T10:00:00"),
      sh("2025-03-31T10:00:00"),
      sh("2025-05-31T10:00:00"),
    ]);
  });
});
