// When opening a meeting's page reads it from WeCom again.
import { describe, expect, it } from "vitest";
import { VIEW_REFRESH_AFTER_SEC, viewNeedsRefresh } from "./refresh-meeting";

const now = 1_800_000_000;
const at = (secAgo: number) => new Date((now - secAgo) * 1000);

describe("viewNeedsRefresh", () => {
  it("reads a meeting whose code WeCom has not given yet, however recent the last read", () => {
    expect(viewNeedsRefresh({ meetingCode: null, lastSyncedAt: at(1) }, now)).toBe(true);
    expect(viewNeedsRefresh({ meetingCode: "123456789", lastSyncedAt: null }, now)).toBe(true);
    // A series whose occurrences were never listed by get_info (the create answer has none).
    const series = { meetingCode: "123456789", lastSyncedAt: at(1), isRepeat: true };
    expect(viewNeedsRefresh({ ...series, occurrenceCount: 0 }, now)).toBe(true);
    expect(viewNeedsRefresh({ ...series, occurrenceCount: 5 }, now)).toBe(false);
  });

  it("skips a read made moments ago, and reads again once it is stale", () => {
    const m = (ago: number) => ({ meetingCode: "123456789", lastSyncedAt: at(ago) });
    expect(viewNeedsRefresh(m(2), now)).toBe(false);
    expect(viewNeedsRefresh(m(VIEW_REFRESH_AFTER_SEC - 1), now)).toBe(false);
    expect(viewNeedsRefresh(m(VIEW_REFRESH_AFTER_SEC), now)).toBe(true);
  });
});
