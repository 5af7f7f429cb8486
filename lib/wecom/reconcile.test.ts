// The reconciliation decisions, with scripted operations (the simulator tests cover
// the dropped-connection path end to end).
import { describe, expect, it } from "vitest";
import { WecomError, WecomUncertainError } from "./errors.ts";
import { cancelReconciled, findMeetingsLike } from "./reconcile.ts";
import type { MeetingInfo, UserMeetingIds } from "./schemas.ts";
import type { CallContext, CreateMeetingInput, UserMeetingIdsInput } from "./types.ts";

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

describe("findMeetingsLike", () => {
  const input: CreateMeetingInput = {
    adminUserId: "lihua",
    title: "评审会",
    meetingStart: 1_900_000_000,
    meetingDuration: 1800,
  };
  const like = (meetingId: string, status: number, over: Partial<MeetingInfo> = {}) =>
    ({ ...input, meetingId, status, ...over }) as MeetingInfo;

  /** One page per entry of `pages`; each page's next cursor is its index + 1, the last "". */
  function lookup(pages: MeetingInfo[][], endless = false) {
    const byId = new Map(pages.flat().map((m) => [m.meetingId, m]));
    const contexts: (CallContext | undefined)[] = [];
    let listed = 0;
    return {
      contexts,
      listed: () => listed,
      getUserMeetingIds: async (
        req: UserMeetingIdsInput,
        ctx?: CallContext,
      ): Promise<UserMeetingIds> => {
        contexts.push(ctx);
        listed++;
        const i = Number(req.cursor ?? "0");
        const page = pages[i % pages.length] ?? [];
        const last = !endless && i + 1 >= pages.length;
        return {
          meetingIds: page.map((m) => m.meetingId ?? ""),
          nextCursor: last ? "" : String(i + 1),
        };
      },
      getMeetingInfo: async (id: string, ctx?: CallContext) => {
        contexts.push(ctx);
        const m = byId.get(id);
        if (!m) throw new Error(`unknown ${id}`);
        return m;
      },
    };
  }

  it("finds the meeting whatever its status, except cancelled", async () => {
    const o = lookup([
      [like("booked", 1), like("started", 2), like("ended", 3), like("cancelled", 4)],
      [like("expired", 5), like("other-title", 1, { title: "周会" })],
    ]);
    const found = await findMeetingsLike(o, input);
    expect(found.matches.map((m) => m.meetingId)).toEqual([
      "booked",
      "started",
      "ended",
      "expired",
    ]);
    expect(found.truncated).toBe(false);
  });

  it("says so when the page cap stopped the listing before the cursor ran out", async () => {
    const o = lookup([[like("a", 2)]], true);
    const found = await findMeetingsLike(o, input);
    expect(found.truncated).toBe(true);
    expect(found.matches.length).toBeGreaterThan(0);
    expect(o.listed()).toBe(20);
  });

  it("says so when WeCom keeps answering the same cursor", async () => {
    const o = {
      getUserMeetingIds: async (): Promise<UserMeetingIds> => ({ meetingIds: [], nextCursor: "0" }),
      getMeetingInfo: async (): Promise<MeetingInfo> => {
        throw new Error("no meeting listed");
      },
    };
    const found = await findMeetingsLike(o, input);
    expect(found).toEqual({ matches: [], truncated: true });
  });

  it("is not truncated when the last allowed page ends the listing", async () => {
    const pages = Array.from({ length: 20 }, (_, i) => [like(`m${i}`, 3)]);
    const found = await findMeetingsLike(lookup(pages), input);
    expect(found).toMatchObject({ truncated: false });
    expect(found.matches).toHaveLength(20);
  });

  it("does not attribute its lookups to the caller's meeting", async () => {
    const o = lookup([[like("a", 1), like("b", 4)]]);
    await findMeetingsLike(o, input, { meetingId: "mb-1" });
    expect(o.contexts).toHaveLength(3);
    expect(o.contexts.every((ctx) => ctx?.meetingId === undefined)).toBe(true);
  });
});
