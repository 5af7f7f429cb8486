// Cancelling meetings end to end: cancelMeeting and cancelMeetings on a real database
// (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) against the WeCom simulator
// over HTTP. Every test books its own meetings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import type { BookingValues } from "@/lib/schemas/booking";
import { decodeMsg } from "@/lib/schemas/messages";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

let h: MeetingHarness;

beforeAll(async () => {
  h = await startMeetingHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Booked {
  id: string;
  wecomMeetingId: string;
  v: BookingValues;
  version: number;
}

async function book(name: string, over: Partial<BookingValues> = {}): Promise<Booked> {
  const v = h.booking(name, over);
  const result = await h.meetings.bookMeeting(h.actor(), v);
  if (!result.ok) throw new Error(`booking ${name} failed: ${JSON.stringify(result)}`);
  const row = await h.db.meeting.findUniqueOrThrow({ where: { id: result.meetingId } });
  return { id: row.id, wecomMeetingId: row.wecomMeetingId!, v, version: row.version };
}

const row = (m: Booked) => h.db.meeting.findUniqueOrThrow({ where: { id: m.id } });

async function cancelsOf(m: Booked) {
  return (await h.simRequests("meeting/cancel")).filter(
    (r) => (r.body as { meetingid?: unknown } | null)?.meetingid === m.wecomMeetingId,
  );
}

async function simStatus(m: Booked): Promise<number | undefined> {
  return (await h.simMeetingsTitled(m.v.title)).find((x) => x.meetingid === m.wecomMeetingId)
    ?.status;
}

const audits = (m: Booked, action: string) =>
  h.db.auditEvent.findMany({ where: { objectId: m.id, action } });

describe(`cancelling a meeting (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("cancels it in WeCom and in MeetBridge, and keeps the reason in the audit trail", async () => {
    const m = await book("取消会议");

    const result = await h.meetings.cancelMeeting(h.actor(), m.id, {
      reason: "  议程取消  ",
      expectedVersion: m.version,
    });

    expect(result).toEqual({ ok: true, reconciled: false });
    expect(await simStatus(m)).toBe(4);
    expect((await cancelsOf(m)).map((r) => [r.body, r.errcode])).toEqual([
      [{ meetingid: m.wecomMeetingId }, 0],
    ]);
    const after = await row(m);
    expect(after).toMatchObject({
      status: "cancelled",
      syncState: "in_sync",
      version: m.version + 1,
    });
    expect(after.cancelledAt).toBeInstanceOf(Date);
    const [audit] = await audits(m, "meeting.cancel");
    expect(audit).toMatchObject({
      source: "web",
      actorUserId: h.ownerId,
      diff: { reason: "议程取消", wecomMeetingId: m.wecomMeetingId },
    });
  });

  it("keeps at most 200 characters of a reason", async () => {
    const m = await book("长理由");
    const result = await h.meetings.cancelMeeting(h.actor(), m.id, { reason: "因".repeat(250) });
    expect(result).toMatchObject({ ok: true });
    const [audit] = await audits(m, "meeting.cancel");
    expect((audit?.diff as { reason: string }).reason).toBe("因".repeat(200));
  });

  it("refuses a meeting already cancelled in MeetBridge without asking WeCom", async () => {
    const m = await book("重复取消");
    expect(await h.meetings.cancelMeeting(h.actor(), m.id, {})).toMatchObject({ ok: true });

    const again = await h.meetings.cancelMeeting(h.actor(), m.id, {});

    expect(again).toMatchObject({ ok: false, notCancellable: "cancelled" });
    expect(again.ok || decodeMsg(again.formError)).toEqual({
      key: "notCancellable",
      params: { status: "cancelled" },
    });
    expect(await cancelsOf(m)).toHaveLength(1);
  });

  it("refuses a stale page (another save came first) without asking WeCom", async () => {
    const m = await book("旧页面取消");
    const edited = await h.meetings.updateMeeting(
      h.actor(),
      m.id,
      { ...m.v, title: `${m.v.title} 改` },
      m.version,
    );
    expect(edited).toMatchObject({ ok: true });

    const result = await h.meetings.cancelMeeting(h.actor(), m.id, {
      expectedVersion: m.version,
    });

    expect(result).toMatchObject({ ok: false, conflict: true });
    expect(await cancelsOf(m)).toHaveLength(0);
    expect(await row(m)).toMatchObject({ status: "booked" });
  });
});

describe("a meeting WeCom has moved on", () => {
  it("an ended meeting is refused with its true status, learnt from WeCom", async () => {
    const m = await book("已结束不可取消");
    const endsIn = h.startSec(m.v) + 3600 - Math.floor(Date.now() / 1000);
    await h.sim.advanceClock(endsIn + 60);
    try {
      const result = await h.meetings.cancelMeeting(h.actor(), m.id, { reason: "晚了" });

      expect(result).toMatchObject({ ok: false, notCancellable: "ended" });
      expect(result.ok || decodeMsg(result.formError)).toEqual({
        key: "notCancellable",
        params: { status: "ended" },
      });
      // WeCom refused the one cancel sent; nothing was cancelled and none was resent.
      // (Moving the clock expired the access token: that refusal, 42001, came first.)
      const cancels = (await cancelsOf(m)).filter((r) => r.errcode !== 42001);
      expect(cancels.map((r) => r.errcode)).toEqual([40058]);
      expect(await simStatus(m)).toBe(3);
      expect(await row(m)).toMatchObject({ status: "ended", syncState: "in_sync" });
      expect(await audits(m, "meeting.cancel")).toHaveLength(0);
    } finally {
      await h.control("POST", "/__sim/clock", { reset: true });
    }
  });
});

describe("a lost answer", () => {
  it("WeCom cancelled it but the answer was lost: cancelled, reconciled, sent once", async () => {
    const m = await book("取消答复丢失");
    await h.sim.fault({ operation: "meeting/cancel", crash: "after" });

    const result = await h.meetings.cancelMeeting(h.actor(), m.id, { reason: "改期" });

    expect(result).toEqual({ ok: true, reconciled: true });
    expect(await cancelsOf(m)).toHaveLength(1);
    expect(await simStatus(m)).toBe(4);
    expect(await row(m)).toMatchObject({
      status: "cancelled",
      syncState: "in_sync",
      version: m.version + 1,
    });
    const [audit] = await audits(m, "meeting.cancel");
    expect(audit?.diff).toMatchObject({ reason: "改期", reconciled: true });
  });

  it("the request never reached WeCom: asked first, then sent once more, cancelled once", async () => {
    const m = await book("取消请求丢失");
    await h.sim.fault({ operation: "meeting/cancel", drop: true });

    const result = await h.meetings.cancelMeeting(h.actor(), m.id, {});

    expect(result).toEqual({ ok: true, reconciled: true });
    // the dropped one (never acted on), then one that did
    expect((await cancelsOf(m)).map((r) => r.errcode)).toEqual([null, 0]);
    expect(await simStatus(m)).toBe(4);
    expect(await row(m)).toMatchObject({ status: "cancelled" });
  });

  it("nobody can tell: the meeting stays booked, marked for reconciliation", async () => {
    const m = await book("取消无从核实");
    await h.sim.fault({ operation: "meeting/cancel", crash: "after" });
    await h.sim.fault({ operation: "meeting/get_info", errcode: 60020, count: 4 });

    const result = await h.meetings.cancelMeeting(h.actor(), m.id, {});

    expect(result).toMatchObject({ ok: false });
    expect(result.ok || decodeMsg(result.formError).key).toBe("cancelUncertain");
    expect(await cancelsOf(m)).toHaveLength(1);
    expect(await row(m)).toMatchObject({ status: "booked", syncState: "needs_reconciliation" });
    await h.control("DELETE", "/__sim/faults");
  });
});

describe("bulk cancel", () => {
  it("answers per meeting: one WeCom refusal stops nothing else", async () => {
    const ms = [];
    for (const name of ["批量一", "批量二", "批量三", "批量四", "批量五"])
      ms.push(await book(name));
    await h.sim.fault({ operation: "meeting/cancel", errcode: 60020 });

    const results = await h.meetings.cancelMeetings(
      h.actor(),
      [...ms.map((m) => m.id), "no-such-meeting", ms[0]!.id],
      { reason: "批量取消", mayManage: () => true },
    );

    expect(results.map((r) => r.meetingId)).toEqual([...ms.map((m) => m.id), "no-such-meeting"]);
    expect(results.at(-1)?.result).toMatchObject({ ok: false, error: "not_found" });
    const outcomes = results.slice(0, 5).map((r) => r.result);
    const refused = outcomes.filter((r) => !r.ok);
    expect(outcomes.filter((r) => r.ok)).toHaveLength(4);
    expect(refused).toHaveLength(1);
    expect(decodeMsg(refused[0]!.ok ? "" : refused[0]!.formError).key).toBe("wecom");

    for (const [i, m] of ms.entries()) {
      const cancelled = outcomes[i]!.ok;
      expect(await simStatus(m)).toBe(cancelled ? 4 : 1);
      expect(await row(m)).toMatchObject({
        status: cancelled ? "cancelled" : "booked",
        syncState: "in_sync",
        version: cancelled ? m.version + 1 : m.version,
      });
      expect(await audits(m, "meeting.cancel")).toHaveLength(cancelled ? 1 : 0);
    }
  });

  it("leaves alone the meetings the person may not manage", async () => {
    const mine = await book("批量可管理");
    const theirs = await book("批量不可管理");
    await h.db.meeting.update({ where: { id: theirs.id }, data: { createdById: null } });

    const results = await h.meetings.cancelMeetings(h.actor(), [mine.id, theirs.id], {
      mayManage: (m) => m.createdById === h.ownerId,
    });

    expect(results.map((r) => r.result.ok)).toEqual([true, false]);
    expect(results[1]!.result).toMatchObject({ error: "forbidden" });
    expect(await cancelsOf(theirs)).toHaveLength(0);
    expect(await row(theirs)).toMatchObject({ status: "booked" });
  });

  it("refuses more than 200 meetings at once", async () => {
    const ids = Array.from({ length: 201 }, (_, i) => `m-${i}`);
    await expect(h.meetings.cancelMeetings(h.actor(), ids)).rejects.toThrow(RangeError);
  });
});
