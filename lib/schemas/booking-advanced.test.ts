// The booking schema's advanced options (API doc, "Advanced create and update fields
// (self-built apps)"): phone guests and automatic recording, refused at the field for
// other app kinds, and checked as an attacker would send them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bookingSchema,
  defaultBookingValues,
  occurrenceCount,
  seriesEndSec,
  type BookingValues,
} from "./booking";
import { decodeMsg } from "./messages";

const NOW = Date.UTC(2026, 5, 15, 0, 0) / 1000;
const valid = (over: Partial<BookingValues> = {}): BookingValues => ({
  ...defaultBookingValues("key-0123456789"),
  appId: "app-1",
  adminId: "acc-admin",
  title: "周会",
  start: "2026-06-16T10:00",
  ...over,
});
const guest = { area: "86", phone: "13800138000", name: "王五" };

function problems(raw: unknown, appKind?: "self_built" | "third_party" | "custom") {
  const r = bookingSchema({ timeZone: "Asia/Shanghai", nowSec: () => NOW, appKind }).safeParse(raw);
  if (r.success) return {};
  return Object.fromEntries(
    r.error.issues.map((i) => [i.path.join("."), decodeMsg(i.message).key]),
  );
}

describe("advanced options in the booking schema", () => {
  it("accepts phone guests and cloud recording for a self-built app", () => {
    expect(problems(valid({ guests: [guest], autoRecordType: "cloud" }), "self_built")).toEqual({});
  });

  it.each(["third_party", "custom"] as const)("refuses them at the field for a %s app", (kind) => {
    expect(problems(valid({ guests: [guest], autoRecordType: "local" }), kind)).toEqual({
      guests: "advancedSelfBuiltOnly",
      autoRecordType: "advancedSelfBuiltOnly",
    });
    // "none" asks for nothing WeCom would refuse.
    expect(problems(valid({ autoRecordType: "none" }), kind)).toEqual({});
  });

  it("checks each guest: area without +, digits, a name of at most 16 characters", () => {
    expect(
      problems(
        valid({
          guests: [{ area: "+86", phone: "138", name: "一二三四五六七八九十一二三四五六七" }],
        }),
        "self_built",
      ),
    ).toEqual({
      "guests.0.area": "guestArea",
      "guests.0.phone": "guestPhone",
      "guests.0.name": "guestNameTooLong",
    });
  });

  it("never throws and never lets an unknown field or type through, whatever is sent", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (guests, record) => {
        const r = bookingSchema({
          timeZone: "Asia/Shanghai",
          nowSec: () => NOW,
          appKind: "self_built",
        }).safeParse({
          ...valid(),
          guests,
          autoRecordType: record,
        });
        if (r.success) {
          expect(
            r.data.autoRecordType === undefined ||
              ["none", "local", "cloud"].includes(r.data.autoRecordType),
          ).toBe(true);
          for (const g of r.data.guests ?? [])
            expect(Object.keys(g).sort()).toEqual(["area", "name", "phone"]);
        }
      }),
    );
  });
});

describe("custom recurrence and a count end in the booking schema", () => {
  // 2026-06-16 is a Tuesday.
  const custom = (over: Partial<BookingValues> = {}) =>
    valid({
      isRepeat: true,
      repeatType: 1,
      isCustomRepeat: true,
      repeatDaysOfWeek: [2, 4],
      repeatCount: 10,
      ...over,
    });

  it("accepts chosen weekdays ending after N occurrences for a self-built app", () => {
    expect(problems(custom(), "self_built")).toEqual({});
    expect(
      problems(
        custom({ repeatType: 2, repeatDaysOfMonth: [1, 16], repeatCount: 50 }),
        "self_built",
      ),
    ).toEqual({});
  });

  it.each(["third_party", "custom"] as const)("refuses them at the field for a %s app", (kind) => {
    expect(problems(custom(), kind)).toEqual({
      isCustomRepeat: "advancedSelfBuiltOnly",
      repeatCount: "advancedSelfBuiltOnly",
    });
    // A one-off meeting sends no repeat fields, so nothing is refused.
    expect(problems(custom({ isRepeat: false }), kind)).toEqual({});
  });

  it("needs chosen days, a weekly or monthly series, and one end", () => {
    expect(problems(custom({ repeatDaysOfWeek: [] }), "self_built")).toEqual({
      repeatDaysOfWeek: "repeatDaysRequired",
    });
    expect(problems(custom({ repeatType: 2 }), "self_built")).toEqual({
      repeatDaysOfMonth: "repeatDaysRequired",
    });
    expect(problems(custom({ repeatType: 0 }), "self_built")).toEqual({
      repeatType: "customRepeatType",
    });
    expect(problems(custom({ repeatUntil: "2026-07-01" }), "self_built")).toEqual({
      repeatUntil: "repeatEndBoth",
    });
    expect(
      problems(custom({ repeatDaysOfWeek: [0, 8] as never, repeatCount: 0 }), "self_built"),
    ).toEqual({
      "repeatDaysOfWeek.0": "invalid",
      "repeatDaysOfWeek.1": "invalid",
      repeatCount: "repeatCountWhole",
    });
  });

  it("keeps WeCom's caps: 200 weekly, 50 monthly or every other week", () => {
    expect(problems(custom({ repeatCount: 200 }), "self_built")).toEqual({});
    expect(problems(custom({ repeatCount: 201 }), "self_built")).toEqual({
      repeatCount: "repeatCountTooMany",
    });
    expect(problems(custom({ repeatInterval: 2, repeatCount: 51 }), "self_built")).toEqual({
      repeatCount: "repeatCountTooMany",
    });
    // Ending on a date counts the chosen days: Tue and Thu for 101 weeks is over 200.
    expect(
      problems(custom({ repeatCount: undefined, repeatUntil: "2028-05-30" }), "self_built"),
    ).toEqual({ repeatUntil: "tooManyOccurrences" });
  });

  it("counts and ends the series as the preview lists it", () => {
    const v = custom({ repeatCount: 4 });
    expect(occurrenceCount(v, "Asia/Shanghai")).toBe(4);
    // 16, 18, 23 and 25 June: the series ends on the 25th at the start's time.
    expect(seriesEndSec(v, "Asia/Shanghai")).toBe(Date.UTC(2026, 5, 25, 2, 0) / 1000);
    const byDate = custom({ repeatCount: undefined, repeatUntil: "2026-06-30" });
    expect(occurrenceCount(byDate, "Asia/Shanghai")).toBe(5);
  });
});
