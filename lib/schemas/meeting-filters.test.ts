import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, meetingFiltersToSearch, parseMeetingFilters } from "./meeting-filters";

describe("the meetings list's filters in its URL", () => {
  it("reads a shared link's filters, trimmed", () => {
    const f = parseMeetingFilters(
      new URLSearchParams(
        "status=booked,ended&from=2026-12-21&to=2026-12-27&q=+周会+&appId=a1&sort=title&dir=asc&page=3&size=50",
      ),
    );
    expect(f).toEqual({
      status: ["booked", "ended"],
      from: "2026-12-21",
      to: "2026-12-27",
      appId: "a1",
      adminId: undefined,
      inviteeId: undefined,
      q: "周会",
      sort: "title",
      dir: "asc",
      page: 3,
      size: 50,
    });
    expect(parseMeetingFilters(new URLSearchParams(meetingFiltersToSearch(f)))).toEqual(f);
  });

  it("falls back to the defaults for values it cannot use", () => {
    const f = parseMeetingFilters({
      status: "nope",
      from: "2026-02-30",
      q: "   ",
      appId: "x".repeat(65),
      sort: "room",
      dir: "up",
      page: ["2.5", "4"],
      size: "30",
    });
    expect(f).toMatchObject({
      ...DEFAULT_FILTERS,
      from: undefined,
      q: undefined,
      appId: undefined,
    });
    for (const page of ["0", "abc", "", "1000001"])
      expect(parseMeetingFilters({ page }).page).toBe(1);
    expect(parseMeetingFilters({ page: "1000000" }).page).toBe(1_000_000);
  });
});
