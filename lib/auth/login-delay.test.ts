import { describe, expect, it } from "vitest";
import { delayAfter, FREE_FAILURES, MAX_DELAY_SECONDS } from "./login-delay.ts";

describe("the sign-in delay schedule", () => {
  it("waits 0, 0, 0, 1, 2, 4, 8, 16 s, then at most 30 s", () => {
    expect(Array.from({ length: 12 }, (_, i) => delayAfter(i + 1))).toEqual([
      0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30, 30,
    ]);
    expect(delayAfter(0)).toBe(0);
    expect(delayAfter(FREE_FAILURES)).toBe(0);
    expect(delayAfter(1000)).toBe(MAX_DELAY_SECONDS);
  });
});
