// Booking a meeting end to end: bookMeeting on a real database (SQLite, and PostgreSQL
// when TEST_DATABASE_URL is set) against the WeCom simulator over HTTP. One database and
// one simulator for the file; every test books under its own title and key.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { bookingSchema, type BookingValues } from "@/lib/schemas/booking";
import { decodeMsg } from "@/lib/schemas/messages";
import { SIM_CORP_ID } from "@/lib/wecom/simulator/seed-data";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";
import { scopeToTenant } from "@/lib/db/tenant-scope";
import { withOperationLog } from "@/lib/testing/operation-log";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let h: MeetingHarness;

beforeAll(async () => {
  h = await startMeetingHarness();
});
afterAll(async () => {
  await h?.close();
});

async function rowByKey(key: string) {
  return h.db.meeting.findUnique({
    where: { tenantId_idempotencyKey: { tenantId: h.tenant.id, idempotencyKey: key } },
    include: { participants: true },
  });
}

/** Decoded field messages, so a test reads as what the form shows. */
function decoded(errors: Partial<Record<string, string>>) {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, decodeMsg(v)]));
}

describe(`booking a meeting (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("sends every field to WeCom as the API names it, and records the booking", async () => {
    await h.control("POST", `/__sim/corps/${SIM_CORP_ID}/settings`, { paidEdition: true });
    try {
      const base = h.booking("全字段会议");
      const startSec = h.startSec(base);
      const untilDay = new Date((startSec + 8 * 3600 + 56 * 86_400) * 1000)
        .toISOString()
        .slice(0, 10);
      const v: BookingValues = {
        ...base,
        description: "评审预约流程 ✓",
        location: "3号会议室",
        durationMin: 90,
        inviteeIds: ["zhaolei", "sunli", "xuqing"].map(h.account),
        password: "135790",
        enableWaitingRoom: true,
        allowEnterBeforeHost: false,
        remindScope: 4,
        ringIds: [h.account("zhaolei")],
        enableEnterMute: 1,
        allowExternalUser: false,
        enableScreenWatermark: true,
        hostIds: ["wangfang", "zhangwei"].map(h.account),
        isRepeat: true,
        repeatType: 1,
        repeatInterval: 2,
        repeatUntil: untilDay,
        remindBefore: [86400, 0, 900],
      };

      const result = await h.meetings.bookMeeting(h.actor(), v);

      const row = await rowByKey(v.idempotencyKey);
      expect(result).toEqual({
        ok: true,
        meetingId: row?.id,
        replayed: false,
        needsReconciliation: false,
      });
      const creates = await h.createsOf(v.title);
      expect(creates).toHaveLength(1);
      expect(creates[0]!.errcode).toBe(0);
      expect(creates[0]!.body).toEqual({
        admin_userid: "lihua",
        title: v.title,
        meeting_start: startSec,
        meeting_duration: 5400,
        description: "评审预约流程 ✓",
        location: "3号会议室",
        invitees: { userid: ["zhaolei", "sunli", "xuqing"] },
        settings: {
          password: "***",
          enable_waiting_room: true,
          allow_enter_before_host: false,
          remind_scope: 4,
          enable_enter_mute: 1,
          allow_external_user: false,
          enable_screen_watermark: true,
          hosts: { userid: ["wangfang", "zhangwei"] },
          ring_users: { userid: ["zhaolei"] },
        },
        reminders: {
          is_repeat: 1,
          repeat_type: 1,
          repeat_interval: 2,
          // the last day of the series, at the meeting's start time
          repeat_until: startSec + 56 * 86_400,
          remind_before: [0, 900, 86400],
        },
      });
      // The request log masks the password; WeCom got the real one.
      const [held] = await h.simMeetingsTitled(v.title);
      expect(held?.settings.password).toBe("135790");

      expect(row).toMatchObject({
        wecomMeetingId: held!.meetingid,
        status: "booked",
        syncState: "in_sync",
        syncError: null,
        createdById: h.ownerId,
      });
      const people = row!.participants
        .map((p) => `${p.role}:${p.wecomUserId}:${p.oaAccountId === h.account(p.wecomUserId)}`)
        .sort();
      expect(people).toEqual([
        "host:wangfang:true",
        "host:zhangwei:true",
        "invitee:sunli:true",
        "invitee:xuqing:true",
        "invitee:zhaolei:true",
        "ring:zhaolei:true",
      ]);
      // The meeting password is sealed at rest like any secret.
      expect(JSON.stringify(row!.settings)).not.toContain("135790");

      const audit = await h.db.auditEvent.findMany({ where: { objectId: row!.id } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "meeting.book",
        source: "web",
        actorUserId: h.ownerId,
        ip: "203.0.113.7",
        diff: { wecomMeetingId: held!.meetingid, title: v.title, start: v.start },
      });
      const calls = await h.db.callLog.findMany({
        where: { meetingId: row!.id, operation: "meeting/create" },
      });
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ errcode: 0, appId: h.appId, tenantId: h.tenant.id });
      expect(calls[0]!.responseBody).toContain(held!.meetingid);
      expect(calls[0]!.requestBody).not.toContain("135790");
    } finally {
      await h.control("POST", `/__sim/corps/${SIM_CORP_ID}/settings`, { paidEdition: false });
    }
  });

  it("sends WeCom's own defaults for the fields a person left untouched", async () => {
    const v = h.booking("默认值会议");
    const result = await h.meetings.bookMeeting(h.actor(), v);
    expect(result).toMatchObject({ ok: true, needsReconciliation: false });
    const [create] = await h.createsOf(v.title);
    expect(create?.body).toEqual({
      admin_userid: "lihua",
      title: v.title,
      meeting_start: h.startSec(v),
      meeting_duration: 3600,
      settings: {
        enable_waiting_room: false,
        allow_enter_before_host: true,
        remind_scope: 2,
        enable_enter_mute: 2,
        allow_external_user: true,
        enable_screen_watermark: false,
      },
      reminders: { is_repeat: 0, remind_before: [] },
    });
  });
});

describe("what a booking reads", () => {
  it("reads its app once: the row the checks judged is the one its WeCom client sends with", async () => {
    const { db: counted, ops } = withOperationLog(h.db);
    const actor = { ...h.actor(), db: scopeToTenant(counted, h.tenant.id) };
    const v = h.booking("一次读取应用");
    const result = await h.meetings.bookMeeting(actor, v);
    expect(result).toMatchObject({ ok: true, needsReconciliation: false });
    expect(ops.filter((o) => o.model === "App")).toEqual([
      { model: "App", operation: "findFirst" },
    ]);
    expect(await h.createsOf(v.title)).toHaveLength(1);
  });
});

describe("validation on the server", () => {
  it("refuses input that bypassed the browser with the schema's own messages, before WeCom", async () => {
    const creates = (await h.simRequests("meeting/create")).length;
    const raw = {
      ...h.booking("绕过浏览器"),
      title: "a".repeat(41),
      password: "12a",
      durationMin: 4,
      start: "2020-01-01T10:00",
      remindScope: 4,
      ringIds: [],
      description: "会".repeat(167),
    };

    const result = await h.meetings.bookMeeting(h.actor(), raw);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    const schema = bookingSchema({ timeZone: h.tenant.timeZone, maxInvitees: 100 }).safeParse(raw);
    const fromSchema: Record<string, string> = {};
    for (const i of schema.error?.issues ?? []) fromSchema[String(i.path[0])] ??= i.message;
    expect(result.fieldErrors).toEqual(fromSchema);
    expect(decoded(result.fieldErrors)).toEqual({
      title: { key: "titleTooLong", params: { max: 40 } },
      password: { key: "passwordDigits", params: {} },
      durationMin: { key: "durationTooShort", params: { min: 5 } },
      start: { key: "startInPast", params: {} },
      ringIds: { key: "ringRequired", params: {} },
      description: { key: "descriptionTooLong", params: { max: 500 } },
    });
    expect(await rowByKey(raw.idempotencyKey)).toBeNull();
    expect(await h.simRequests("meeting/create")).toHaveLength(creates);
  });

  it("refuses what only the server can know: an app without the permission, an unmapped admin", async () => {
    const creates = (await h.simRequests("meeting/create")).length;
    const noPermission = await h.db.app.findFirstOrThrow({
      where: { tenantId: h.tenant.id, name: "通知公告" },
    });
    const unmapped = await h.db.oaAccount.findFirstOrThrow({
      where: { tenantId: h.tenant.id, name: "新同事甲" },
    });

    const a = await h.meetings.bookMeeting(
      h.actor(),
      h.booking("无权限应用", { appId: noPermission.id }),
    );
    const b = await h.meetings.bookMeeting(
      h.actor(),
      h.booking("未关联管理员", { adminId: unmapped.id }),
    );

    expect(a.ok || decoded(a.fieldErrors)).toEqual({
      appId: { key: "appNotGranted", params: { app: "通知公告" } },
    });
    expect(b.ok || decoded(b.fieldErrors)).toEqual({
      adminId: { key: "accountNotMapped", params: { name: "新同事甲" } },
    });
    expect(await h.simRequests("meeting/create")).toHaveLength(creates);
  });
});

describe("the same submission twice", () => {
  it("books once when sent again after the first finished, and replays the first result", async () => {
    const v = h.booking("重复提交");
    const first = await h.meetings.bookMeeting(h.actor(), v);
    const second = await h.meetings.bookMeeting(h.actor(), v);

    expect(first).toMatchObject({ ok: true, replayed: false, needsReconciliation: false });
    expect(second).toEqual({
      ok: true,
      meetingId: first.ok ? first.meetingId : "?",
      replayed: true,
      needsReconciliation: false,
    });
    expect(await h.createsOf(v.title)).toHaveLength(1);
    expect(await h.simMeetingsTitled(v.title)).toHaveLength(1);
  });

  it("books once when both arrive together (a double click)", async () => {
    const v = h.booking("双击提交");
    await h.sim.setLatency(300);
    let results;
    try {
      results = await Promise.all([
        h.meetings.bookMeeting(h.actor(), v),
        h.meetings.bookMeeting(h.actor(), v),
      ]);
    } finally {
      await h.sim.setLatency(0);
    }

    const row = await rowByKey(v.idempotencyKey);
    // The second waits for the first's outcome instead of answering "still checking".
    for (const r of results)
      expect(r).toMatchObject({ ok: true, meetingId: row?.id, needsReconciliation: false });
    expect(results.map((r) => r.ok && r.replayed).sort()).toEqual([false, true]);
    expect(await h.createsOf(v.title)).toHaveLength(1);
    const held = await h.simMeetingsTitled(v.title);
    expect(held).toHaveLength(1);
    expect(row).toMatchObject({ syncState: "in_sync", wecomMeetingId: held[0]!.meetingid });
  });

  it("refuses the same key with a different booking, and books nothing for it", async () => {
    const v = h.booking("同键不同内容");
    const first = await h.meetings.bookMeeting(h.actor(), v);
    const other = await h.meetings.bookMeeting(h.actor(), { ...v, title: `${v.title} 改` });

    expect(first.ok).toBe(true);
    expect(other.ok).toBe(false);
    if (other.ok || !first.ok) return;
    expect(decodeMsg(other.formError)).toEqual({ key: "idempotencyConflict", params: {} });
    expect(other.meetingId).toBe(first.meetingId);
    expect(await h.createsOf(`${v.title} 改`)).toHaveLength(0);
    expect((await rowByKey(v.idempotencyKey))?.title).toBe(v.title);
  });
});

describe("WeCom refuses", () => {
  it("an invitee the app's last check found outside its range, before WeCom is asked", async () => {
    const v = h.booking("范围外邀请", { inviteeIds: [h.account("zhaolei"), h.account("dengli")] });
    const result = await h.meetings.bookMeeting(h.actor(), v);
    expect(result.ok || decoded(result.fieldErrors)).toEqual({
      inviteeIds: { key: "accountOutOfRange", params: { name: "邓丽", app: "会议助手" } },
    });
    expect(await h.createsOf(v.title)).toHaveLength(0);
  });

  it("an invitee WeCom refuses though the last check did not say so: named, nothing kept", async () => {
    const app = await h.db.app.findUniqueOrThrow({ where: { id: h.appId } });
    const range = app.visibleRange as { outOfRange?: string[] };
    expect(range.outOfRange).toContain("dengli");
    await h.db.app.update({
      where: { id: h.appId },
      data: { visibleRange: { ...range, outOfRange: [] } },
    });
    try {
      const v = h.booking("企微拒绝邀请", {
        inviteeIds: [h.account("zhaolei"), h.account("dengli")],
      });
      const result = await h.meetings.bookMeeting(h.actor(), v);

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(Object.keys(result.fieldErrors)).toEqual(["inviteeIds"]);
      const shown = decodeMsg(result.fieldErrors.inviteeIds);
      expect(shown.key).toBe("wecom");
      expect(String(shown.params.text)).toContain("邓丽");
      expect(String(shown.params.text)).toContain("会议助手");
      expect((await h.createsOf(v.title)).map((r) => r.errcode)).toEqual([60011]);
      expect(await rowByKey(v.idempotencyKey)).toBeNull();
      expect(await h.simMeetingsTitled(v.title)).toHaveLength(0);
    } finally {
      await h.db.app.update({
        where: { id: h.appId },
        data: { visibleRange: app.visibleRange ?? undefined },
      });
    }
  });

  it("an app whose authorisation was revoked: the app field says so and the app is marked unauthorised", async () => {
    await h.sim.revoke("meeting-assistant");
    try {
      const v = h.booking("应用已撤销");
      const result = await h.meetings.bookMeeting(h.actor(), v);

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(Object.keys(result.fieldErrors)).toEqual(["appId"]);
      expect(decodeMsg(result.fieldErrors.appId).key).toBe("wecom");
      expect(String(decodeMsg(result.fieldErrors.appId).params.text)).toContain("会议助手");
      expect(await rowByKey(v.idempotencyKey)).toBeNull();
      const app = await h.db.app.findUniqueOrThrow({ where: { id: h.appId } });
      expect(app.status).toBe("unauthorised");

      // Unauthorised now: the next booking is refused before WeCom is asked.
      const creates = (await h.simRequests("meeting/create")).length;
      const again = await h.meetings.bookMeeting(h.actor(), h.booking("应用已撤销再试"));
      expect(again.ok || decoded(again.fieldErrors)).toEqual({
        appId: { key: "appNotActive", params: { app: "会议助手" } },
      });
      expect(await h.simRequests("meeting/create")).toHaveLength(creates);
    } finally {
      await h.control("POST", "/__sim/apps/meeting-assistant/restore");
      await h.db.app.update({ where: { id: h.appId }, data: { status: "active" } });
    }
  });
});

describe("a lost answer", () => {
  it("WeCom booked it but the answer was lost: adopted, never booked twice", async () => {
    const v = h.booking("答复丢失已创建", { adminId: h.account("wuhao") });
    await h.sim.fault({ operation: "meeting/create", crash: "after" });
    const result = await h.meetings.bookMeeting(h.actor(), v);

    const row = await rowByKey(v.idempotencyKey);
    expect(result).toEqual({
      ok: true,
      meetingId: row?.id,
      replayed: false,
      needsReconciliation: false,
    });
    const held = await h.simMeetingsTitled(v.title);
    expect(held).toHaveLength(1);
    expect(row).toMatchObject({ syncState: "in_sync", wecomMeetingId: held[0]!.meetingid });
    expect(await h.createsOf(v.title)).toHaveLength(1);
    const actions = await h.db.auditEvent.findMany({
      where: { objectId: row!.id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["meeting.book.uncertain", "meeting.reconcile"]);
  });

  it("WeCom never booked it: kept as needing reconciliation, booked again only after the grace period", async () => {
    const v = h.booking("答复丢失未创建", { adminId: h.account("zhouqiang") });
    await h.sim.fault({ operation: "meeting/create", crash: "before" });
    const result = await h.meetings.bookMeeting(h.actor(), v);

    const row = await rowByKey(v.idempotencyKey);
    expect(result).toEqual({
      ok: true,
      meetingId: row?.id,
      replayed: false,
      needsReconciliation: true,
    });
    expect(row).toMatchObject({ syncState: "needs_reconciliation", wecomMeetingId: null });
    expect(await h.simMeetingsTitled(v.title)).toHaveLength(0);

    const early = await h.meetings.reconcileMeeting(h.actor(), row!.id, { rebook: true });
    expect(early).toBe("unchanged");
    expect(await h.createsOf(v.title)).toHaveLength(1);

    const deps = { ...h.meetings.meetingDeps, graceMs: 0 };
    const late = await h.meetings.reconcileMeeting(h.actor(), row!.id, { rebook: true }, deps);
    expect(late).toBe("rebooked");
    const again = await h.meetings.reconcileMeeting(h.actor(), row!.id, { rebook: true }, deps);
    expect(again).toBe("not_needed");

    const held = await h.simMeetingsTitled(v.title);
    expect(held).toHaveLength(1);
    expect(await rowByKey(v.idempotencyKey)).toMatchObject({
      syncState: "in_sync",
      status: "booked",
      wecomMeetingId: held[0]!.meetingid,
    });
  });

  it("adopts a meeting WeCom holds that has started meanwhile, instead of booking it again", async () => {
    const v = h.booking("已开始的会议", { adminId: h.account("hejun") }, 15);
    await h.sim.fault({ operation: "meeting/create", crash: "after" });
    // The look-up right after the lost answer fails too, so the booking stays unresolved.
    await h.sim.fault({ operation: "meeting/get_user_meetingid", errcode: 60020 });
    const result = await h.meetings.bookMeeting(h.actor(), v);
    expect(result).toMatchObject({ ok: true, needsReconciliation: true });
    const row = await rowByKey(v.idempotencyKey);
    expect(row).toMatchObject({ syncState: "needs_reconciliation", wecomMeetingId: null });

    const startsIn = h.startSec(v) - Math.floor(Date.now() / 1000);
    await h.sim.advanceClock(startsIn + 300);
    try {
      const [held] = await h.simMeetingsTitled(v.title);
      expect(held?.status).toBe(2);
      const outcome = await h.meetings.reconcileMeeting(
        h.actor(),
        row!.id,
        { rebook: true },
        { ...h.meetings.meetingDeps, graceMs: 0 },
      );
      expect(outcome).toBe("adopted");
      expect(await rowByKey(v.idempotencyKey)).toMatchObject({
        syncState: "in_sync",
        status: "in_progress",
        wecomMeetingId: held!.meetingid,
      });
      expect(await h.createsOf(v.title)).toHaveLength(1);
      expect(await h.simMeetingsTitled(v.title)).toHaveLength(1);
    } finally {
      await h.control("POST", "/__sim/clock", { reset: true });
    }
  });
});

describe("a process killed between WeCom's answer and MeetBridge's record", () => {
  it("leaves the booking pending, and the sweep adopts WeCom's meeting", async () => {
    const v = h.booking("进程被杀", { adminId: h.account("guoxin") });
    // Node itself with tsx's loader (as `tsx --conditions=react-server` runs the seed), so
    // the SIGKILL reaches this process and no wrapper.
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "lib/testing/book-then-die.ts",
        JSON.stringify({ tenant: h.tenant, input: v }),
      ],
      {
        cwd: ROOT,
        env: {
          NODE_ENV: "test",
          DATABASE_URL: h.t.url,
          MEETBRIDGE_ENCRYPTION_KEY: h.encryptionKey,
          MEETBRIDGE_JOBS: "false",
          // The harness's simulator listed itself in this process only.
          MEETBRIDGE_WECOM_BASE_URLS: h.sim.sim.baseUrl,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve) => child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    // Killed by its own afterCreate: WeCom had accepted the create.
    expect({ ...exit, output }).toMatchObject({ signal: "SIGKILL" });

    const row = await rowByKey(v.idempotencyKey);
    expect(row).toMatchObject({ syncState: "pending", wecomMeetingId: null, status: "booked" });
    const held = await h.simMeetingsTitled(v.title);
    expect(held).toHaveLength(1);

    const tally = await h.meetings.reconcileDueMeetings({
      ...h.meetings.meetingDeps,
      graceMs: 0,
    });
    expect(tally).toEqual({ adopted: 1 });
    expect(await rowByKey(v.idempotencyKey)).toMatchObject({
      syncState: "in_sync",
      wecomMeetingId: held[0]!.meetingid,
    });
    expect(await h.simMeetingsTitled(v.title)).toHaveLength(1);
    expect(await h.createsOf(v.title)).toHaveLength(1);
  }, 60_000);

  it("a failure recording WeCom's answer keeps the booking for the sweep, never books it twice", async () => {
    const v = h.booking("记录失败", { adminId: h.account("linna") });
    const failing = {
      ...h.meetings.meetingDeps,
      afterCreate: () => Promise.reject(new Error("database connection lost")),
    };
    const outcome = await h.meetings.bookMeeting(h.actor(), v, failing).catch((e: unknown) => e);

    // Not told "refused" about a meeting WeCom holds.
    expect(outcome).not.toMatchObject({ ok: false });
    const held = await h.simMeetingsTitled(v.title);
    expect(held).toHaveLength(1);
    expect(await rowByKey(v.idempotencyKey)).toMatchObject({
      syncState: "pending",
      wecomMeetingId: null,
    });

    const tally = await h.meetings.reconcileDueMeetings({
      ...h.meetings.meetingDeps,
      graceMs: 0,
    });
    expect(tally).toEqual({ adopted: 1 });
    // The person submits again: the same booking, not a second one.
    const again = await h.meetings.bookMeeting(h.actor(), v);
    const row = await rowByKey(v.idempotencyKey);
    expect(again).toEqual({
      ok: true,
      meetingId: row?.id,
      replayed: true,
      needsReconciliation: false,
    });
    expect(row).toMatchObject({ syncState: "in_sync", wecomMeetingId: held[0]!.meetingid });
    expect(await h.createsOf(v.title)).toHaveLength(1);
    expect(await h.simMeetingsTitled(v.title)).toHaveLength(1);
  });
});

describe("reconciling from two places at once", () => {
  async function lostBooking(name: string, admin: string) {
    // An admin of no other meeting: the look-up reads only this one.
    const v = h.booking(name, { adminId: h.account(admin) });
    await h.sim.fault({ operation: "meeting/create", crash: "before" });
    const result = await h.meetings.bookMeeting(h.actor(), v);
    expect(result).toMatchObject({ ok: true, needsReconciliation: true });
    return { v, row: (await rowByKey(v.idempotencyKey))! };
  }

  it("two reconciles of the same booking send one create between them", async () => {
    const { v, row } = await lostBooking("并发对账", "machao");
    const deps = { ...h.meetings.meetingDeps, graceMs: 0 };
    await h.sim.setLatency(200);
    let outcomes;
    try {
      outcomes = await Promise.all([
        h.meetings.reconcileMeeting(h.actor(), row.id, { rebook: true }, deps),
        h.meetings.reconcileMeeting(h.actor(), row.id, { rebook: true }, deps),
      ]);
    } finally {
      await h.sim.setLatency(0);
    }

    expect(outcomes).toContain("rebooked");
    expect(outcomes.filter((o) => o === "rebooked")).toHaveLength(1);
    // the lost create, then exactly one more
    expect(await h.createsOf(v.title)).toHaveLength(2);
    const held = await h.simMeetingsTitled(v.title);
    expect(held).toHaveLength(1);
    expect(await rowByKey(v.idempotencyKey)).toMatchObject({
      syncState: "in_sync",
      wecomMeetingId: held[0]!.meetingid,
    });
  });

  it("two sweeps at once send one create between them", async () => {
    const { v } = await lostBooking("并发扫描", "zhuyan");
    const deps = { ...h.meetings.meetingDeps, graceMs: 0 };
    await h.sim.setLatency(200);
    let tallies;
    try {
      tallies = await Promise.all([
        h.meetings.reconcileDueMeetings(deps),
        h.meetings.reconcileDueMeetings(deps),
      ]);
    } finally {
      await h.sim.setLatency(0);
    }

    expect(tallies.reduce((n, t) => n + (t.rebooked ?? 0), 0)).toBe(1);
    expect(await h.createsOf(v.title)).toHaveLength(2);
    expect(await h.simMeetingsTitled(v.title)).toHaveLength(1);
  });
});
