// The meeting/update an edit sends: a settings block always names remind_scope, because
// WeCom defaults it to 3 (all members) on update, not 2 as on create (api doc, meeting/update).
import { describe, expect, it } from "vitest";
import type { CreateMeetingInput } from "@/lib/wecom";
import { planUpdate } from "./meeting-diff";

const booked: CreateMeetingInput = {
  adminUserId: "lihua",
  title: "周会",
  meetingStart: 1_900_000_000,
  meetingDuration: 1800,
  settings: { enableWaitingRoom: false, remindScope: 1 },
};

describe("planUpdate's settings block", () => {
  it("keeps the meeting's remind_scope when another setting changed", () => {
    const after = { ...booked, settings: { enableWaitingRoom: true, remindScope: 1 as const } };
    const { update } = planUpdate("hy1", booked, after, "Asia/Shanghai");
    expect(update?.settings).toEqual({ enableWaitingRoom: true, remindScope: 1 });
  });

  it("sends WeCom's create default (2, host only) for a booking that never chose one", () => {
    const before = { ...booked, settings: { enableWaitingRoom: false } };
    const after = { ...booked, settings: { enableWaitingRoom: true } };
    const { update } = planUpdate("hy1", before, after, "Asia/Shanghai");
    expect(update?.settings).toEqual({ enableWaitingRoom: true, remindScope: 2 });
  });

  it("sends no settings block, and so no remind_scope, when no setting changed", () => {
    const { update } = planUpdate("hy1", booked, { ...booked, title: "月会" }, "Asia/Shanghai");
    expect(update).toEqual({ meetingId: "hy1", title: "月会" });
  });
});
