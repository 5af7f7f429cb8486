import { describe, expect, it } from "vitest";
import { bookingBlock, type MappingFacts } from "./visible-range";

const checkedAt = new Date("2026-11-01T00:00:00Z");
const app = {
  id: "app-a",
  permissionCheckedAt: checkedAt,
  visibleRange: {
    users: [],
    parties: [2],
    tags: [],
    closed: false,
    outOfRange: ["out"],
    notFound: ["gone"],
  },
};
const earlier = new Date(checkedAt.getTime() - 60_000);
const later = new Date(checkedAt.getTime() + 60_000);
const m = (wecomUserId: string, over: Partial<MappingFacts> = {}): MappingFacts => ({
  wecomUserId,
  verifyStatus: null,
  verifiedAt: null,
  verifiedAppId: null,
  ...over,
});

describe("bookingBlock: who WeCom would refuse, by the newer observation", () => {
  it("follows the app's check when nothing was verified since", () => {
    expect(bookingBlock(app, m("in"))).toBeUndefined();
    expect(bookingBlock(app, m("out"))).toBe("out_of_range");
    expect(bookingBlock(app, m("gone"))).toBe("not_found");
    expect(
      bookingBlock(
        app,
        m("in", { verifyStatus: "not_found", verifiedAt: earlier, verifiedAppId: "app-a" }),
      ),
    ).toBeUndefined();
  });

  it("follows a newer verification through the same app, either way", () => {
    const v = (verifyStatus: string) => ({
      verifyStatus,
      verifiedAt: later,
      verifiedAppId: "app-a",
    });
    expect(bookingBlock(app, m("in", v("out_of_range")))).toBe("out_of_range");
    expect(bookingBlock(app, m("out", v("ok")))).toBeUndefined();
    expect(bookingBlock(app, m("in", v("not_found")))).toBe("not_found");
  });

  it("takes another app's verification for existence only", () => {
    const v = (verifyStatus: string) => ({
      verifyStatus,
      verifiedAt: later,
      verifiedAppId: "app-b",
    });
    expect(bookingBlock(app, m("in", v("out_of_range")))).toBeUndefined();
    expect(bookingBlock(app, m("out", v("ok")))).toBe("out_of_range");
    expect(bookingBlock(app, m("gone", v("ok")))).toBeUndefined();
    expect(bookingBlock(app, m("in", v("not_found")))).toBe("not_found");
  });
});
