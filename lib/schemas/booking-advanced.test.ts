// The booking schema's advanced options (API doc, "Advanced create and update fields
// (self-built apps)"): phone guests and automatic recording, refused at the field for
// other app kinds, and checked as an attacker would send them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bookingSchema, defaultBookingValues, type BookingValues } from "./booking";
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
