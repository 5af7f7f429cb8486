import { describe, expect, it } from "vitest";
import { groupMeetingCode } from "./meeting-code";

describe("groupMeetingCode", () => {
  it("groups a nine-digit code in threes, as the WeCom client shows it", () => {
    expect(groupMeetingCode("624571066")).toBe("624 571 066");
  });
  it("groups other lengths from the left and leaves non-digit codes alone", () => {
    expect(groupMeetingCode("1234567890")).toBe("123 456 789 0");
    expect(groupMeetingCode("624 571 066")).toBe("624 571 066");
    expect(groupMeetingCode("abc-123")).toBe("abc-123");
  });
});
