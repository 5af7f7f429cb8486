import { describe, expect, it } from "vitest";
import { decodeMsg } from "./messages";
import { tenantSettingsSchema, timeZoneOptions } from "./tenant-settings";

const errorOf = (input: unknown, field: string) => {
  const r = tenantSettingsSchema.safeParse(input);
  return r.success
    ? undefined
    : decodeMsg(r.error.issues.find((i) => i.path[0] === field)?.message);
};

describe("tenant settings schema", () => {
  it("takes a trimmed name and an IANA time zone", () => {
    expect(tenantSettingsSchema.parse({ name: "  示例科技 ", timeZone: "Europe/Berlin" })).toEqual({
      name: "示例科技",
      timeZone: "Europe/Berlin",
    });
    expect(tenantSettingsSchema.safeParse({ name: "A", timeZone: "UTC" }).success).toBe(true);
  });

  it("refuses an empty or long name with a message key", () => {
    expect(errorOf({ name: "  ", timeZone: "Asia/Shanghai" }, "name")).toEqual({
      key: "nameRequired",
      params: {},
    });
    expect(errorOf({ name: "x".repeat(101), timeZone: "Asia/Shanghai" }, "name")).toEqual({
      key: "nameTooLong",
      params: { max: 100 },
    });
  });

  it("refuses a zone that is not one, and bare offsets", () => {
    for (const timeZone of ["Mars/Olympus_Mons", "+01:00", "", "Asia/Shanghai; drop"]) {
      expect(errorOf({ name: "A", timeZone }, "timeZone")?.key, timeZone).toBe("timeZoneInvalid");
    }
  });

  it("offers Asia/Shanghai first, every zone once, and keeps a current zone not in the list", () => {
    const zones = timeZoneOptions();
    expect(zones[0]).toBe("Asia/Shanghai");
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones).toContain("Europe/Berlin");
    expect(timeZoneOptions("UTC")).toContain("UTC");
  });
});
