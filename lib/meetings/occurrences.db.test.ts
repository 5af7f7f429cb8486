// One occurrence of a series, end to end on a real database against the simulator: what
// sync stores from get_info (a page, never assumed complete), cancelling one (idempotent),
// one a member cancels in the WeCom client, and moving one to another time.
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

async function weekly(name: string, weeks: number, over: Partial<BookingValues> = {}) {
  const base = h.booking(name, {}, 24 * 60);
  const until = new Date((h.startSec(base) + (weeks - 1) * 7 * 86_400 + 8 * 3600) * 1000);
  const v = {
    ...base,
    isRepeat: true,
    repeatType: 1 as const,
    repeatUntil: until.toISOString().slice(0, 10),
    inviteeIds: [h.account("zhaolei")],
    ...over,
  };
  const booked = await h.meetings.bookMeeting(h.actor(), v);
  if (!booked.ok) throw new Error(JSON.stringify(booked));
  const synced = await h.meetings.syncMeeting(h.actor(), booked.meetingId);
  expect(synced.ok).toBe(true);
  return { id: booked.meetingId, v };
}
const stored = (meetingId: string) =>
  h.db.meetingOccurrence.findMany({ where: { meetingId }, orderBy: { startAt: "asc" } });

describe(`occurrences of a series (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("stores the page get_info lists, and no more", async () => {
    const long = await weekly("长周会", 20);
    const rows = await stored(long.id);
    // The simulator lists 10 at a time and says has_more: MeetBridge keeps what it saw.
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.status === "booked")).toBe(true);
    expect(rows[0]!.startAt.getTime() / 1000).toBe(h.startSec(long.v));
    expect(rows[2]!.startAt.getTime() / 1000).toBe(h.startSec(long.v) + 14 * 86_400);
  });

  it("cancels the third occurrence in WeCom, audits it, and answers a second call alike", async () => {
    const s = await weekly("取消一次", 5);
    const third = (await stored(s.id))[2]!;
    const first = await h.meetings.cancelOccurrence(h.actor(), s.id, third.subMeetingId, {
      reason: "放假",
    });
    expect(first).toMatchObject({ ok: true, alreadyCancelled: false });
    const again = await h.meetings.cancelOccurrence(h.actor(), s.id, third.subMeetingId);
    expect(again).toMatchObject({
      ok: true,
      alreadyCancelled: true,
      subMeetingId: third.subMeetingId,
    });
    const cancels = (await h.simRequests("meeting/cancel")).filter(
      (r) => (r.body as { sub_meetingid?: string }).sub_meetingid === third.subMeetingId,
    );
    expect(cancels).toHaveLength(1);
    expect((await stored(s.id)).map((r) => r.status)).toEqual([
      "booked",
      "booked",
      "cancelled",
      "booked",
      "booked",
    ]);
    const series = await h.db.meeting.findUniqueOrThrow({ where: { id: s.id } });
    expect(series.status).toBe("booked");
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { objectId: s.id, action: "meeting.occurrence.cancel" },
    });
    expect(audit.diff).toMatchObject({ subMeetingId: third.subMeetingId, reason: "放假" });
    // Sync reads the same from WeCom: nothing changes, the cancelled one stays cancelled.
    await h.meetings.syncMeeting(h.actor(), s.id);
    expect((await stored(s.id))[2]!.status).toBe("cancelled");
  });

  it("drops the stored occurrences a moved series no longer has, and stores the new ones", async () => {
    const s = await weekly("整体改期", 3);
    const before = await stored(s.id);
    const edit = await h.meetings.meetingForEdit(h.actor(), s.id);
    // An hour earlier: later could cross midnight past the series' last day, whatever the
    // hour the test runs at.
    const later = new Date((h.startSec(s.v) - 3600 + 8 * 3600) * 1000).toISOString().slice(0, 16);
    const updated = await h.meetings.updateMeeting(
      h.actor(),
      s.id,
      { ...edit!.values, start: later },
      edit!.version,
    );
    expect(updated.ok, JSON.stringify(updated)).toBe(true);
    await h.meetings.syncMeeting(h.actor(), s.id);
    const after = await stored(s.id);
    expect(after).toHaveLength(3);
    expect(after[0]!.startAt.getTime()).toBe(before[0]!.startAt.getTime() - 3_600_000);
    expect(after.some((a) => before.some((b) => b.subMeetingId === a.subMeetingId))).toBe(false);
  });

  it("refuses an occurrence WeCom never listed, and one of a one-off meeting", async () => {
    const s = await weekly("未列出", 3);
    const unknown = await h.meetings.cancelOccurrence(h.actor(), s.id, "999");
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(decodeMsg(unknown.formError).key).toBe("occurrenceNotFound");
    expect(await h.simRequests("meeting/cancel")).not.toContainEqual(
      expect.objectContaining({ body: expect.objectContaining({ sub_meetingid: "999" }) }),
    );
  });

  it("learns from sync of an occurrence a member cancelled in the WeCom client", async () => {
    const s = await weekly("成员取消", 4);
    const second = (await stored(s.id))[1]!;
    const wecomId = (await h.db.meeting.findUniqueOrThrow({ where: { id: s.id } })).wecomMeetingId!;
    await h.control("POST", `/__sim/meetings/${wecomId}`, {
      cancel_sub_meetingid: second.subMeetingId,
      notify: false,
    });
    await h.meetings.syncMeeting(h.actor(), s.id);
    expect((await stored(s.id))[1]).toMatchObject({ status: "cancelled" });
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { objectId: s.id, action: "meeting.occurrence.cancel" },
    });
    expect(audit.diff).toMatchObject({ subMeetingId: second.subMeetingId, seenInWecom: true });
  });

  it("moves the fourth occurrence: a linked one-off with the same people, booked once", async () => {
    const s = await weekly("改这一次", 5);
    const fourth = (await stored(s.id))[3]!;
    const newStart = new Date((fourth.startAt.getTime() / 1000 + 86_400 + 8 * 3600) * 1000)
      .toISOString()
      .slice(0, 16);
    const moved = await h.meetings.moveOccurrence(h.actor(), s.id, fourth.subMeetingId, {
      start: newStart,
    });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    const oneOff = await h.db.meeting.findUniqueOrThrow({
      where: { id: moved.oneOffId },
      include: { participants: true },
    });
    expect(oneOff).toMatchObject({
      isRepeat: false,
      title: s.v.title,
      movedFromOccurrenceId: fourth.id,
    });
    expect(oneOff.startAt.getTime()).toBe(fourth.startAt.getTime() + 86_400_000);
    expect(oneOff.participants.map((p) => p.wecomUserId)).toEqual(["zhaolei"]);
    expect((await stored(s.id))[3]!.status).toBe("cancelled");
    const list = await h.meetings.listOccurrences(h.db as never, s.id);
    expect(list[3]!.movedTo?.id).toBe(moved.oneOffId);
    // A retry (lost answer, double click) finds the same one-off and books nothing more.
    const creates = (await h.createsOf(s.v.title)).length;
    const retry = await h.meetings.moveOccurrence(h.actor(), s.id, fourth.subMeetingId, {
      start: newStart,
    });
    expect(retry).toMatchObject({ ok: true, oneOffId: moved.oneOffId });
    expect((await h.createsOf(s.v.title)).length).toBe(creates);
  });
});

describe("advanced options through bookMeeting", () => {
  it("books a phone guest and cloud recording on a self-built app and keeps them after a sync", async () => {
    const v = {
      ...h.booking("电话嘉宾"),
      guests: [{ area: "86", phone: "13800138000", name: "外部嘉宾王五" }],
      autoRecordType: "cloud" as const,
    };
    const booked = await h.meetings.bookMeeting(h.actor(), v);
    expect(booked.ok, JSON.stringify(booked)).toBe(true);
    if (!booked.ok) return;
    const [create] = await h.createsOf(v.title);
    expect(create!.body).toMatchObject({
      guests: [{ area: "86", phone_number: "13800138000", guest_name: "外部嘉宾王五" }],
      settings: { auto_record_type: "cloud" },
    });
    await h.meetings.syncMeeting(h.actor(), booked.meetingId);
    const row = await h.db.meeting.findUniqueOrThrow({ where: { id: booked.meetingId } });
    expect(row.settings).toMatchObject({
      autoRecordType: "cloud",
      guests: [{ area: "86", phone: "13800138000", name: "外部嘉宾王五" }],
    });
  });
});
