// The booking form's one schema, at the edges a person meets while filling it in. The
// clock is pinned: Monday 2026-06-15 00:00 UTC, 08:00 in Shanghai.
import { describe, expect, it } from "vitest";
import {
  bookingSchema,
  defaultBookingValues,
  occurrenceCount,
  START_MAX_AHEAD_SEC,
  type BookingRuleContext,
  type BookingValues,
} from "./booking";
import { decodeMsg, type MessageParams } from "./messages";
import { parseWallClock } from "./wall-clock";

const NOW = Date.UTC(2026, 5, 15, 0, 0) / 1000;
const SH = "Asia/Shanghai";
const NY = "America/New_York";

/** A valid booking: Tuesday 2026-06-16 10:00 in the tenant's zone, one hour. */
function valid(over: Partial<BookingValues> = {}): BookingValues {
  return {
    ...defaultBookingValues("key-0123456789"),
    appId: "app-1",
    adminId: "acc-admin",
    title: "周会",
    start: "2026-06-16T10:00",
    ...over,
  };
}

type Found = { key: string; params: MessageParams };

/** The decoded messages of every field the schema refused ({} = accepted). */
function problems(
  over: Partial<BookingValues>,
  ctx: Partial<BookingRuleContext> = {},
): Record<string, Found> {
  const r = bookingSchema({ timeZone: SH, nowSec: () => NOW, ...ctx }).safeParse(valid(over));
  const out: Record<string, Found> = {};
  if (r.success) return out;
  for (const issue of r.error.issues) out[String(issue.path[0])] ??= decodeMsg(issue.message);
  return out;
}

const ok = (over: Partial<BookingValues>, ctx?: Partial<BookingRuleContext>) =>
  expect(problems(over, ctx)).toEqual({});

const refused = (
  over: Partial<BookingValues>,
  field: keyof BookingValues,
  key: string,
  params: MessageParams = {},
  ctx?: Partial<BookingRuleContext>,
) => expect(problems(over, ctx)).toEqual({ [field]: { key, params } });

/** "YYYY-MM-DD" n days after a civil date. */
function plusDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" n months after a civil date (same day of month; days ≤ 28 only). */
function plusMonths(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + n, d)).toISOString().slice(0, 10);
}

describe("title", () => {
  it("takes 40 ASCII characters and refuses 41", () => {
    ok({ title: "a".repeat(40) });
    refused({ title: "a".repeat(41) }, "title", "titleTooLong", { max: 40 });
  });

  it("counts a Chinese character as 2 units: 20 fit, 21 do not", () => {
    ok({ title: "会".repeat(20) });
    refused({ title: "会".repeat(21) }, "title", "titleTooLong", { max: 40 });
    refused({ title: "会".repeat(20) + "a" }, "title", "titleTooLong", { max: 40 });
  });

  it("counts an emoji as 2 units, not as its 2 UTF-16 code units plus more", () => {
    ok({ title: "😀".repeat(20) });
    ok({ title: "a".repeat(38) + "😀" });
    refused({ title: "a".repeat(39) + "😀" }, "title", "titleTooLong", { max: 40 });
  });

  it("trims the title before counting and keeps it trimmed", () => {
    const r = bookingSchema({ timeZone: SH, nowSec: () => NOW }).parse(
      valid({ title: `  ${"a".repeat(40)}  ` }),
    );
    expect(r.title).toBe("a".repeat(40));
    refused({ title: "   " }, "title", "required");
  });
});

describe("description and location", () => {
  it("takes 500 bytes of description and refuses 501", () => {
    ok({ description: "a".repeat(500) });
    refused({ description: "a".repeat(501) }, "description", "descriptionTooLong", { max: 500 });
  });

  it("counts UTF-8 bytes: 166 Chinese characters (498 bytes) fit, 167 (501) do not", () => {
    ok({ description: "会".repeat(166) });
    refused({ description: "会".repeat(167) }, "description", "descriptionTooLong", {
      max: 500,
    });
  });

  it("takes 128 characters of location (code points, so 128 emoji too) and refuses 129", () => {
    ok({ location: "会".repeat(128) });
    ok({ location: "😀".repeat(128) });
    refused({ location: "会".repeat(129) }, "location", "locationTooLong", { max: 128 });
  });
});

describe("password", () => {
  it.each(["", "1234", "12345", "123456"])("takes %j", (password) => ok({ password }));

  it.each(["123", "1234567", "12a4", "abcd", "12 34"])("refuses %j", (password) =>
    refused({ password }, "password", "passwordDigits"),
  );
});

describe("duration", () => {
  it("takes 5 minutes up to 1439 and refuses 4 and 1440 (24 h)", () => {
    ok({ durationMin: 5 });
    ok({ durationMin: 1439 });
    refused({ durationMin: 4 }, "durationMin", "durationTooShort", { min: 5 });
    refused({ durationMin: 1440 }, "durationMin", "durationTooLong");
  });

  it("refuses part minutes", () => {
    refused({ durationMin: 30.5 }, "durationMin", "durationWhole");
  });
});

describe("start", () => {
  it("refuses a start in the past or exactly now", () => {
    refused({ start: "2026-06-15T07:59" }, "start", "startInPast");
    refused({ start: "2026-06-15T08:00" }, "start", "startInPast");
    ok({ start: "2026-06-15T08:01" });
  });

  it("reads the wall clock in the tenant's zone, not the browser's", () => {
    // 2026-06-15 07:00 has passed in Shanghai (now 08:00) but lies ahead in New York.
    refused({ start: "2026-06-15T07:00" }, "start", "startInPast", {}, { timeZone: SH });
    ok({ start: "2026-06-15T07:00" }, { timeZone: NY });
    const sh = parseWallClock("2026-06-15T07:00", SH);
    const ny = parseWallClock("2026-06-15T07:00", NY);
    expect(sh).toBe(Date.UTC(2026, 5, 14, 23, 0) / 1000);
    expect(ny).toBe(Date.UTC(2026, 5, 15, 11, 0) / 1000);
  });

  it("follows New York's daylight saving time: 12 h behind Shanghai in July, 13 h in January", () => {
    const gap = (s: string) => parseWallClock(s, NY)! - parseWallClock(s, SH)!;
    expect(gap("2026-07-15T09:00")).toBe(12 * 3600);
    expect(gap("2027-01-15T09:00")).toBe(13 * 3600);
    expect(parseWallClock("2026-07-15T09:00", NY)).toBe(Date.UTC(2026, 6, 15, 13, 0) / 1000);
    expect(parseWallClock("2027-01-15T09:00", NY)).toBe(Date.UTC(2027, 0, 15, 14, 0) / 1000);
  });

  it("takes a start 366 days ahead and refuses one a minute later", () => {
    expect(START_MAX_AHEAD_SEC).toBe(366 * 86_400);
    // now + 366 days = 2027-06-16 00:00 UTC = 08:00 in Shanghai
    ok({ start: "2027-06-16T08:00" });
    refused({ start: "2027-06-16T08:01" }, "start", "startTooFar");
  });

  it.each(["2026-02-30T10:00", "2026-06-31T10:00", "2026-06-16T24:00", "2026-06-16 10:00"])(
    "refuses %j as no valid time",
    (start) => refused({ start }, "start", "startInvalid"),
  );

  it("asks for a start when there is none", () => {
    refused({ start: "" }, "start", "required");
  });
});

describe("people", () => {
  it("requires ring members only when ringing chosen members (remindScope 4)", () => {
    refused({ remindScope: 4, ringIds: [] }, "ringIds", "ringRequired");
    ok({ remindScope: 4, ringIds: ["acc-1"] });
    ok({ remindScope: 3, ringIds: [] });
    ok({ remindScope: 1, ringIds: [] });
  });

  const accounts = (n: number) => Array.from({ length: n }, (_, i) => `acc-${i}`);

  it("caps invitees at the app's limit: 100 on an ordinary corp", () => {
    ok({ inviteeIds: accounts(100) }, { maxInvitees: 100 });
    refused(
      { inviteeIds: accounts(101) },
      "inviteeIds",
      "tooManyInvitees",
      { max: 100 },
      {
        maxInvitees: 100,
      },
    );
  });

  it("caps invitees at 300 on a paid edition", () => {
    ok({ inviteeIds: accounts(101) }, { maxInvitees: 300 });
    ok({ inviteeIds: accounts(300) }, { maxInvitees: 300 });
    refused(
      { inviteeIds: accounts(301) },
      "inviteeIds",
      "tooManyInvitees",
      { max: 300 },
      {
        maxInvitees: 300,
      },
    );
  });

  it("counts an invitee picked twice once", () => {
    ok({ inviteeIds: [...accounts(100), "acc-0"] }, { maxInvitees: 100 });
  });

  it("takes 10 hosts and refuses 11", () => {
    ok({ hostIds: accounts(10) });
    refused({ hostIds: accounts(11) }, "hostIds", "tooManyHosts", { max: 10 });
  });
});

describe("recurring meetings", () => {
  const START_DAY = "2026-06-16"; // a Tuesday
  const series = (over: Partial<BookingValues>) => valid({ isRepeat: true, ...over });
  const count = (over: Partial<BookingValues>) => occurrenceCount(series(over), SH);

  it("takes a daily series of 200 occurrences and refuses 201, saying how many", () => {
    const d200 = { repeatType: 0 as const, repeatUntil: plusDays(START_DAY, 199) };
    expect(count(d200)).toBe(200);
    ok({ isRepeat: true, ...d200 });
    refused(
      { isRepeat: true, repeatType: 0, repeatUntil: plusDays(START_DAY, 200) },
      "repeatUntil",
      "tooManyOccurrences",
      { count: 201, max: 200 },
    );
  });

  it("caps an every-other-week series at 50, a weekly one at 200", () => {
    const biweekly = { repeatType: 1 as const, repeatInterval: 2 as const };
    ok({ isRepeat: true, ...biweekly, repeatUntil: plusDays(START_DAY, 49 * 14) });
    refused(
      { isRepeat: true, ...biweekly, repeatUntil: plusDays(START_DAY, 50 * 14) },
      "repeatUntil",
      "tooManyOccurrences",
      { count: 51, max: 50 },
    );
    // The same end date weekly makes 101 occurrences, well inside its cap of 200.
    const weekly = { repeatType: 1 as const, repeatInterval: 1 as const };
    expect(count({ ...weekly, repeatUntil: plusDays(START_DAY, 50 * 14) })).toBe(101);
    ok({ isRepeat: true, ...weekly, repeatUntil: plusDays(START_DAY, 50 * 14) });
  });

  it("caps a monthly series at 50", () => {
    ok({ isRepeat: true, repeatType: 2, repeatUntil: plusMonths(START_DAY, 49) });
    refused(
      { isRepeat: true, repeatType: 2, repeatUntil: plusMonths(START_DAY, 50) },
      "repeatUntil",
      "tooManyOccurrences",
      { count: 51, max: 50 },
    );
  });

  it("counts workdays only: weekends add nothing to a workday series", () => {
    // Monday 2026-06-15 10:00 to the Friday 39 weeks later: 40 weeks of 5 = 200.
    const monday = { start: "2026-06-15T10:00", repeatType: 7 as const };
    const friday = plusDays("2026-06-15", 39 * 7 + 4);
    expect(count({ ...monday, repeatUntil: friday })).toBe(200);
    expect(count({ ...monday, repeatUntil: plusDays(friday, 2) })).toBe(200);
    expect(count({ ...monday, repeatUntil: "2026-06-22" })).toBe(6);
    ok({ isRepeat: true, ...monday, repeatUntil: plusDays(friday, 2) });
    refused(
      { isRepeat: true, ...monday, repeatUntil: plusDays(friday, 3) },
      "repeatUntil",
      "tooManyOccurrences",
      { count: 201, max: 200 },
    );
  });

  it("refuses an end before the start, or on the start's own day", () => {
    refused({ isRepeat: true, repeatUntil: "2026-06-15" }, "repeatUntil", "repeatUntilBeforeStart");
    refused({ isRepeat: true, repeatUntil: START_DAY }, "repeatUntil", "repeatUntilBeforeStart");
    ok({ isRepeat: true, repeatUntil: "2026-06-17" });
  });

  it("refuses an end date that does not exist", () => {
    refused({ isRepeat: true, repeatUntil: "2026-02-30" }, "repeatUntil", "repeatUntilInvalid");
  });

  it("takes an open end (the longest series WeCom allows)", () => {
    ok({ isRepeat: true, repeatType: 2, repeatUntil: "" });
  });

  it("ignores the repeat fields of a one-off meeting", () => {
    const oneOff = {
      isRepeat: false,
      repeatType: 0 as const,
      repeatUntil: "2020-01-01",
    };
    ok(oneOff);
    ok({ ...oneOff, repeatUntil: plusDays(START_DAY, 5000) });
    expect(occurrenceCount(valid({ ...oneOff, repeatUntil: plusDays(START_DAY, 300) }), SH)).toBe(
      undefined,
    );
  });
});

describe("one schema per context, on the real clock", () => {
  const future = (over: Partial<BookingValues> = {}) =>
    valid({ start: "2027-06-15T10:00", ...over });
  const invitees = (n: number) => Array.from({ length: n }, (_, i) => `acc-${i}`);

  it("is made once for a context and reused", () => {
    const c = { timeZone: SH, maxInvitees: 100, appKind: "self_built" as const };
    expect(bookingSchema(c)).toBe(bookingSchema({ ...c }));
    expect(bookingSchema(c)).not.toBe(bookingSchema({ ...c, maxInvitees: 300 }));
  });

  it("keeps each context's rules: the invitee cap", () => {
    const at = (max: number) =>
      bookingSchema({ timeZone: SH, maxInvitees: max }).safeParse(
        future({ inviteeIds: invitees(150) }),
      ).success;
    expect(at(100)).toBe(false);
    expect(at(300)).toBe(true);
    expect(at(100)).toBe(false);
  });

  it("keeps each context's rules: the time zone", () => {
    // Three hours from now on a UTC wall clock: past in Shanghai (UTC+8), future in New York.
    const start = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 16);
    const at = (timeZone: string) =>
      bookingSchema({ timeZone }).safeParse(future({ start })).success;
    expect(at(SH)).toBe(false);
    expect(at(NY)).toBe(true);
    expect(at(SH)).toBe(false);
  });
});
