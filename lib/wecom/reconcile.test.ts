// The reconciliation decisions, with scripted operations (the simulator tests cover
// the dropped-connection path end to end).
import { describe, expect, it } from "vitest";
import { WecomError, WecomUncertainError } from "./errors.ts";
import { cancelReconciled } from "./reconcile.ts";
import type { MeetingInfo } from "./schemas.ts";

const origin = {
  operation: "meeting/cancel" as const,
  appId: "a",
  appName: "A",
  appKind: "self_built" as const,
};
const lost = () => new WecomUncertainError({ ...origin, failure: "timeout", detail: "t" });
const notBooked = () =>
  new WecomError({ ...origin, errcode: 40058, errmsg: "meeting is not booked" });
const info = (status: number) => ({ status }) as MeetingInfo;

function ops(cancels: (Error | null)[], statuses: (number | Error)[]) {
  let sent = 0;
  return {
    sent: () => sent,
    sendCancel: async () => {
      sent++;
      const outcome = cancels.shift();
      if (outcome) throw outcome;
    },
    getMeetingInfo: async () => {
      const s = statuses.shift();
      if (s === undefined || s instanceof Error) throw s ?? new Error("no status");
      return info(s);
    },
  };
}

describe("cancelReconciled", () => {
  it("does not resend when get_info shows the lost cancel took", async () => {
    const o = ops([lost()], [4]);
    await expect(cancelReconciled(o, { meetingId: "m" })).resolves.toEqual({ reconciled: true });
    expect(o.sent()).toBe(1);
  });

  it("resends once when the meeting is still booked", async () => {
    const o = ops([lost(), null], [1]);
    await expect(cancelReconciled(o, { meetingId: "m" })).resolves.toEqual({ reconciled: true });
    expect(o.sent()).toBe(2);
  });

  it("accepts a refused resend when the first cancel landed late", async () => {
    const o = ops([lost(), notBooked()], [1, 4]);
    await expect(cancelReconciled(o, { meetingId: "m" })).resolves.toEqual({ reconciled: true });
  });

  it("reports the refusal when the meeting is still not cancelled", async () => {
    const o = ops([lost(), notBooked()], [3, 3]);
    await expect(cancelReconciled(o, { meetingId: "m" })).rejects.toMatchObject({ errcode: 40058 });
  });

  it("stays uncertain when WeCom cannot be asked, or for a series occurrence", async () => {
    await expect(
      cancelReconciled(ops([lost()], [new Error("down")]), { meetingId: "m" }),
    ).rejects.toBeInstanceOf(WecomUncertainError);
    const o = ops([lost()], [4]);
    await expect(cancelReconciled(o, { meetingId: "m", subMeetingId: "s" })).rejects.toBeInstanceOf(
      WecomUncertainError,
    );
    expect(o.sent()).toBe(1);
  });

  it("passes a plain refusal straight through", async () => {
    const o = ops([notBooked()], []);
    await expect(cancelReconciled(o, { meetingId: "m" })).rejects.toBeInstanceOf(WecomError);
    expect(o.sent()).toBe(1);
  });
});
