import { describe, expect, it } from "vitest";
import {
  codePoints,
  countOccurrences,
  maxOccurrences,
  occurrenceStarts,
  REPEAT_TYPES,
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
