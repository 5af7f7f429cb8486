// Editing a meeting end to end: updateMeeting on a real database (SQLite, and PostgreSQL
// when TEST_DATABASE_URL is set) against the WeCom simulator over HTTP. Every test books
// its own meeting and reads what the simulator received and now holds.
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

const edit = (m: Booked, over: Partial<BookingValues> & { clearPassword?: boolean }) =>
  h.meetings.updateMeeting(h.actor(), m.id, { ...m.v, ...over }, m.version);

async function updatesOf(m: Booked) {
  return (await h.simRequests("meeting/update")).filter(
    (r) => (r.body as { meetingid?: unknown } | null)?.meetingid === m.wecomMeetingId,
  );
}

async function held(m: Booked) {
  const [found] = await h.simMeetingsTitled((await row(m)).title);
  return found!;
}

const row = (m: Booked) =>
  h.db.meeting.findUniqueOrThrow({ where: { id: m.id }, include: { participants: true } });

const audits = (m: Booked, action: string) =>
  h.db.auditEvent.findMany({ where: { objectId: m.id, action }, orderBy: { createdAt: "asc" } });

/** A start `minutes` later than the booking's, as the form holds it (Shanghai wall clock). */
function later(v: BookingValues, minutes: number): string {
  return new Date((h.startSec(v) + minutes * 60 + 8 * 3600) * 1000).toISOString().slice(0, 16);
}

describe(`editing a meeting (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("sends only the title when only the title changed, and records the change", async () => {
    const m = await book("改标题");
    const title = `${m.v.title} 新`;

    const result = await edit(m, { title });

    expect(result).toEqual({
      ok: true,
      meetingId: m.id,
      version: m.version + 1,
      changed: ["title"],
    });
    const sent = await updatesOf(m);
    expect(sent.map((r) => r.body)).toEqual([{ meetingid: m.wecomMeetingId, title }]);
    expect(sent[0]!.errcode).toBe(0);
    expect((await h.simMeetingsTitled(title))[0]?.meetingid).toBe(m.wecomMeetingId);
    expect(await row(m)).toMatchObject({
      title,
      version: m.version + 1,
      syncState: "in_sync",
      syncError: null,
    });
    const [audit] = await audits(m, "meeting.update");
    expect(audit).toMatchObject({
      source: "web",
      actorUserId: h.ownerId,
      diff: { title: { from: m.v.title, to: title } },
    });
  });

  it("sends start and duration together when only the duration changed", async () => {
    const m = await book("改时长");

    const result = await edit(m, { durationMin: 90 });

    expect(result).toMatchObject({ ok: true, changed: ["durationMin"] });
    expect((await updatesOf(m)).map((r) => r.body)).toEqual([
      { meetingid: m.wecomMeetingId, meeting_start: h.startSec(m.v), meeting_duration: 5400 },
    ]);
    expect((await held(m)).meeting_duration).toBe(5400);
    expect((await row(m)).durationSec).toBe(5400);
  });

  it("sends the whole settings block when one setting changed, keeping the password", async () => {
    const m = await book("改设置", { password: "2468" });

    // The edit form cannot show the password: it sends "" for "untouched".
    const result = await edit(m, { password: "", enableWaitingRoom: true });

    expect(result).toMatchObject({ ok: true, changed: ["enableWaitingRoom"] });
    expect((await updatesOf(m)).map((r) => r.body)).toEqual([
      {
        meetingid: m.wecomMeetingId,
        settings: {
          password: "***", // masked in the simulator's log; the real one was sent
          enable_waiting_room: true,
          allow_enter_before_host: true,
          remind_scope: 2,
          enable_enter_mute: 2,
          allow_external_user: true,
          enable_screen_watermark: false,
        },
      },
    ]);
    expect((await held(m)).settings).toMatchObject({
      password: "2468",
      enable_waiting_room: true,
    });
    const [audit] = await audits(m, "meeting.update");
    expect(audit?.diff).toEqual({ enableWaitingRoom: { from: false, to: true } });
  });

  it("sends the whole reminders block when a reminder changed", async () => {
    const m = await book("改提醒");

    const result = await edit(m, { remindBefore: [900] });

    expect(result).toMatchObject({ ok: true, changed: ["remindBefore"] });
    expect((await updatesOf(m)).map((r) => r.body)).toEqual([
      { meetingid: m.wecomMeetingId, reminders: { is_repeat: 0, remind_before: [900] } },
    ]);
    expect((await held(m)).reminders).toEqual({ is_repeat: 0, remind_before: [900] });
  });

  it("sends the invitee list whole when it changed, and replaces the stored participants", async () => {
    const m = await book("改参会人", { inviteeIds: [h.account("zhaolei"), h.account("sunli")] });

    const result = await edit(m, { inviteeIds: [h.account("sunli"), h.account("xuqing")] });

    expect(result).toMatchObject({ ok: true, changed: ["inviteeIds"] });
    expect((await updatesOf(m)).map((r) => r.body)).toEqual([
      { meetingid: m.wecomMeetingId, invitees: { userid: ["sunli", "xuqing"] } },
    ]);
    expect((await held(m)).invitees).toEqual(["sunli", "xuqing"]);
    const people = (await row(m)).participants.map((p) => `${p.role}:${p.wecomUserId}`).sort();
    expect(people).toEqual(["invitee:sunli", "invitee:xuqing"]);
  });

  it("moves the start with several fields at once and sends each of them once", async () => {
    const m = await book("多项修改");
    const start = later(m.v, 30);

    const result = await edit(m, { start, location: "5号会议室", description: "议程见附件" });

    expect(result).toMatchObject({
      ok: true,
      changed: ["start", "description", "location"],
    });
    expect((await updatesOf(m)).map((r) => r.body)).toEqual([
      {
        meetingid: m.wecomMeetingId,
        meeting_start: h.startSec(m.v) + 1800,
        meeting_duration: 3600,
        description: "议程见附件",
        location: "5号会议室",
      },
    ]);
  });

  it("changes nothing and calls nothing when nothing changed", async () => {
    const m = await book("未修改");
    const before = (await h.simRequests()).length;

    const result = await edit(m, {});

    expect(result).toEqual({ ok: true, meetingId: m.id, version: m.version, changed: [] });
    expect(await h.simRequests()).toHaveLength(before);
    expect((await row(m)).version).toBe(m.version);
    expect(await audits(m, "meeting.update")).toHaveLength(0);
  });
});

describe("the edit form's starting point", () => {
  it("gives back the booked values, and saving them unchanged sends nothing", async () => {
    const start = h.booking("起点").start;
    const untilDay = new Date((h.startSec({ start }) + 8 * 3600 + 21 * 86_400) * 1000)
      .toISOString()
      .slice(0, 10);
    const m = await book("编辑起点", {
      description: "说明",
      location: "2号会议室",
      inviteeIds: [h.account("zhaolei"), h.account("sunli")],
      password: "8642",
      remindScope: 4,
      ringIds: [h.account("sunli")],
      enableEnterMute: 1,
      isRepeat: true,
      repeatType: 1,
      repeatInterval: 2,
      repeatUntil: untilDay,
      remindBefore: [3600, 300],
    });

    const loaded = await h.meetings.meetingForEdit(h.actor(), m.id);

    expect(loaded).toMatchObject({
      meetingId: m.id,
      version: m.version,
      status: "booked",
      editable: true,
      hasPassword: true,
      unmapped: [],
    });
    const { idempotencyKey: _k, password: _p, ...booked } = m.v;
    expect(loaded!.values).toMatchObject({
      ...booked,
      password: "",
      inviteeIds: expect.arrayContaining(m.v.inviteeIds) as string[],
      remindBefore: [300, 3600],
    });
    const before = (await h.simRequests()).length;
    const saved = await h.meetings.updateMeeting(h.actor(), m.id, loaded!.values, loaded!.version);
    expect(saved).toEqual({ ok: true, meetingId: m.id, version: m.version, changed: [] });
    expect(await h.simRequests()).toHaveLength(before);
  });
});

describe("the meeting password on edit", () => {
  it("sets a new password when digits are typed; the audit says so without the digits", async () => {
    const m = await book("改密码", { password: "1111" });

    const result = await edit(m, { password: "987654" });

    expect(result).toMatchObject({ ok: true, changed: ["password"] });
    expect((await held(m)).settings.password).toBe("987654");
    const [audit] = await audits(m, "meeting.update");
    expect(audit?.diff).toEqual({ password: { from: "set", to: "set" } });
    expect(JSON.stringify(audit)).not.toContain("987654");
    expect(JSON.stringify((await row(m)).settings)).not.toContain("987654");
  });

  it("removes the password only when asked to (clearPassword)", async () => {
    const m = await book("清密码", { password: "1357" });

    const result = await edit(m, { password: "", clearPassword: true });

    expect(result).toMatchObject({ ok: true, changed: ["password"] });
    const [sent] = await updatesOf(m);
    expect(sent?.body).toMatchObject({ settings: { remind_scope: 2 } });
    expect((sent?.body as { settings: object }).settings).not.toHaveProperty("password");
    expect((await held(m)).settings.password).toBeUndefined();
    expect((await row(m)).settings).toMatchObject({ hasPassword: false });
  });
});

describe("what cannot change", () => {
  it("refuses another app or admin at their fields, before WeCom is asked", async () => {
    const m = await book("换应用");
    const other = await h.db.app.findFirstOrThrow({
      where: { tenantId: h.tenant.id, id: { not: h.appId } },
    });

    const result = await edit(m, { appId: other.id, adminId: h.account("zhaolei") });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, decodeMsg(v)])),
    ).toEqual({
      appId: { key: "appFixed", params: {} },
      adminId: { key: "adminFixed", params: {} },
    });
    expect(await updatesOf(m)).toHaveLength(0);
  });

  it("refuses input that bypassed the browser with the booking form's own messages", async () => {
    const m = await book("绕过校验");
    const result = await edit(m, { title: "a".repeat(41), password: "12a" });
    expect(result.ok || Object.keys(result.fieldErrors).sort()).toEqual(["password", "title"]);
    expect(result.ok || decodeMsg(result.fieldErrors.title).key).toBe("titleTooLong");
    expect(await updatesOf(m)).toHaveLength(0);
  });
});

describe("two people editing at once", () => {
  it("saves one edit and tells the other to reload; WeCom hears one update", async () => {
    const m = await book("并发修改");
    await h.sim.setLatency(200);
    let results;
    try {
      results = await Promise.all([
        edit(m, { title: `${m.v.title} 甲` }),
        edit(m, { title: `${m.v.title} 乙` }),
      ]);
    } finally {
      await h.sim.setLatency(0);
    }

    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ ok: false, conflict: true, currentVersion: m.version + 1 });
    expect(decodeMsg(lost[0]!.ok ? "" : lost[0]!.formError).key).toBe("editConflict");
    expect(await updatesOf(m)).toHaveLength(1);
    const saved = await row(m);
    expect(saved.version).toBe(m.version + 1);
    expect((await held(m)).title).toBe(saved.title);
  });

  it("refuses a save from a stale page without calling WeCom", async () => {
    const m = await book("旧版本");
    expect(await edit(m, { title: `${m.v.title} 1` })).toMatchObject({ ok: true });

    const stale = await edit(m, { title: `${m.v.title} 2` });

    expect(stale).toMatchObject({ ok: false, conflict: true, currentVersion: m.version + 1 });
    expect(await updatesOf(m)).toHaveLength(1);
  });
});

describe("a meeting that is not booked any more", () => {
  it("one the simulator has ended cannot be edited, and no update is sent", async () => {
    const m = await book("已结束不可改");
    const endsIn = h.startSec(m.v) + 3600 - Math.floor(Date.now() / 1000);
    await h.sim.advanceClock(endsIn + 60);
    try {
      const result = await edit(m, { title: `${m.v.title} 改` });

      expect(result).toMatchObject({ ok: false, notEditable: "ended" });
      expect(result.ok || decodeMsg(result.formError)).toEqual({
        key: "notEditable",
        params: { status: "ended" },
      });
      expect(await updatesOf(m)).toHaveLength(0);
      // MeetBridge learnt it on the way: the next attempt does not even ask WeCom.
      expect(await row(m)).toMatchObject({ status: "ended", version: m.version + 1 });
      const calls = (await h.simRequests()).length;
      const again = await h.meetings.updateMeeting(
        h.actor(),
        m.id,
        { ...m.v, title: "x" },
        m.version + 1,
      );
      expect(again).toMatchObject({ ok: false, notEditable: "ended" });
      expect(await h.simRequests()).toHaveLength(calls);
    } finally {
      await h.control("POST", "/__sim/clock", { reset: true });
    }
  });
});

describe("people the form cannot show", () => {
  it("keeps an invitee without an OA account rather than dropping them", async () => {
    const m = await book("保留未关联", { inviteeIds: [h.account("zhaolei"), h.account("sunli")] });
    // As after adopting a meeting from WeCom: zhaolei is known only by WeCom userid.
    await h.db.meetingParticipant.updateMany({
      where: { meetingId: m.id, wecomUserId: "zhaolei" },
      data: { oaAccountId: null },
    });

    const result = await edit(m, { title: `${m.v.title} 改`, inviteeIds: [h.account("sunli")] });

    expect(result).toMatchObject({ ok: true, changed: ["title"] });
    expect((await updatesOf(m)).map((r) => r.body)).toEqual([
      { meetingid: m.wecomMeetingId, title: `${m.v.title} 改` },
    ]);
    const people = (await row(m)).participants.map(
      (p) => `${p.wecomUserId}:${p.oaAccountId !== null}`,
    );
    expect(people.sort()).toEqual(["sunli:true", "zhaolei:false"]);
  });

  it("keeps a meeting editable after its admin's account was deactivated", async () => {
    const m = await book("管理员已停用", { adminId: h.account("wuhao") });
    await h.db.oaAccount.update({ where: { id: h.account("wuhao") }, data: { active: false } });
    try {
      const result = await edit(m, { title: `${m.v.title} 改` });
      expect(result).toMatchObject({ ok: true, changed: ["title"] });
    } finally {
      await h.db.oaAccount.update({ where: { id: h.account("wuhao") }, data: { active: true } });
    }
  });
});

describe("WeCom does not take the update", () => {
  it("a meeting that ended after the check: WeCom's refusal is explained by its status", async () => {
    const m = await book("检查后结束");
    const endsIn = h.startSec(m.v) + 3600 - Math.floor(Date.now() / 1000);
    await h.sim.advanceClock(endsIn + 60);
    // The check cannot reach WeCom, so the update goes out and WeCom refuses it.
    await h.sim.fault({ operation: "meeting/get_info", errcode: 60020 });
    try {
      const result = await edit(m, { title: `${m.v.title} 改` });

      expect(result).toMatchObject({ ok: false, notEditable: "ended" });
      const sent = (await updatesOf(m)).filter((r) => r.errcode !== 42001); // the token expired too
      expect(sent.map((r) => r.errcode)).toEqual([40058]);
      expect(await row(m)).toMatchObject({
        status: "ended",
        title: m.v.title,
        syncState: "in_sync",
      });
      expect(await audits(m, "meeting.update")).toHaveLength(0);
    } finally {
      await h.control("POST", "/__sim/clock", { reset: true });
    }
  });

  it("a refusal puts the row back and names the field", async () => {
    const m = await book("企微拒绝修改");
    await h.sim.fault({
      operation: "meeting/update",
      errcode: 40058,
      errmsg: "invalid location: refused by test",
    });

    const result = await edit(m, { location: "某处" });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors)).toEqual(["location"]);
    expect(decodeMsg(result.fieldErrors.location).key).toBe("wecom");
    expect(await row(m)).toMatchObject({
      location: null,
      version: m.version,
      syncState: "in_sync",
    });
    expect(await audits(m, "meeting.update")).toHaveLength(0);
  });

  it("a lost answer marks the meeting for reconciliation, and the next edit sends it all", async () => {
    const m = await book("修改答复丢失");
    await h.sim.fault({ operation: "meeting/update", drop: true, count: 4 });

    const result = await edit(m, { title: `${m.v.title} 改` });

    expect(result).toMatchObject({ ok: false, fieldErrors: {} });
    expect(result.ok || decodeMsg(result.formError).key).toBe("updateUncertain");
    const marked = await row(m);
    expect(marked).toMatchObject({
      title: m.v.title,
      syncState: "needs_reconciliation",
      version: m.version + 1,
    });
    expect(JSON.parse(marked.syncError!)).toMatchObject({ kind: "transport" });
    expect(await audits(m, "meeting.update.uncertain")).toHaveLength(1);

    // WeCom may hold either title: the next save sends every field, not just the diff.
    const again = await h.meetings.updateMeeting(
      h.actor(),
      m.id,
      { ...m.v, title: `${m.v.title} 改` },
      m.version + 1,
    );
    expect(again).toMatchObject({ ok: true, changed: ["title"], version: m.version + 2 });
    const last = (await updatesOf(m)).at(-1)!;
    expect(Object.keys(last.body as object).sort()).toEqual([
      "description",
      "invitees",
      "location",
      "meeting_duration",
      "meeting_start",
      "meetingid",
      "reminders",
      "settings",
      "title",
    ]);
    expect(await row(m)).toMatchObject({ syncState: "in_sync", syncError: null });
  });
});
