// Meetings booked elsewhere (the WeCom client through the app, the old component):
// adoptMeeting by meetingid and discoverMeetings for a member, on a real database
// (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) against the simulator. The
// meetings "booked elsewhere" are created with the app's own WeCom client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSecret } from "@/lib/crypto/secret-box";
import { scopeToTenant } from "@/lib/db/tenant-scope";
import { env } from "@/lib/env.js";
import type { StoredSettings } from "@/lib/meetings/stored-booking";
import type { MeetingActor } from "@/lib/meetings/types";
import { decodeMsg } from "@/lib/schemas/messages";
import type { CreateMeetingInput, WecomClient } from "@/lib/wecom";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

let h: MeetingHarness;
let client: WecomClient;
let serial = 0;

beforeAll(async () => {
  h = await startMeetingHarness();
  client = await h.meetings.meetingDeps.clientFor(h.actor().db, h.appId);
});
afterAll(async () => {
  await h?.close();
});

/** A meeting booked in WeCom by the app, not through MeetBridge. */
async function bookedElsewhere(
  over: Partial<CreateMeetingInput> = {},
  by: WecomClient = client,
): Promise<{ id: string; input: CreateMeetingInput }> {
  serial++;
  const input: CreateMeetingInput = {
    adminUserId: "lihua",
    title: `企微预约 ${serial}`,
    meetingStart: Math.ceil(Date.now() / 1000 / 60) * 60 + (180 + serial) * 60,
    meetingDuration: 2700,
    ...over,
  };
  const created = await by.createMeeting(input);
  return { id: created.meetingId, input };
}

/** Without its mapping in the demo corp for the duration of `fn` (as if never mapped). */
async function unmapped<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  const m = await h.db.mapping.findFirstOrThrow({
    where: { tenantId: h.tenant.id, wecomUserId: userId },
  });
  await h.db.mapping.delete({ where: { id: m.id } });
  try {
    return await fn();
  } finally {
    await h.db.mapping.create({
      data: {
        tenantId: m.tenantId,
        corpRowId: m.corpRowId,
        oaAccountId: m.oaAccountId,
        wecomUserId: userId,
      },
    });
  }
}

function decoded(errors: Partial<Record<string, string>>) {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, decodeMsg(v)]));
}

describe(`adopting a meeting by its meetingid (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("maps the admin and invitees to OA accounts, and manages it like its own from then on", async () => {
    const { id, input } = await bookedElsewhere({
      inviteeUserIds: ["zhaolei", "xuqing", "hulin"],
      location: "2号会议室",
      description: "旧组件预约的会议",
      settings: { password: "2468", enableWaitingRoom: true, remindScope: 3 },
      reminders: { isRepeat: false, remindBefore: [900] },
    });
    const result = await unmapped("hulin", () =>
      h.meetings.adoptMeeting(h.actor(), { appId: h.appId, wecomMeetingId: ` ${id} ` }),
    );

    expect(result).toMatchObject({ ok: true, alreadyKnown: false });
    if (!result.ok) return;
    const row = await h.db.meeting.findUniqueOrThrow({
      where: { id: result.meetingId },
      include: { participants: true },
    });
    expect(row).toMatchObject({
      tenantId: h.tenant.id,
      appId: h.appId,
      wecomMeetingId: id,
      idempotencyKey: `adopt:${id}`,
      title: input.title,
      durationSec: 2700,
      location: "2号会议室",
      description: "旧组件预约的会议",
      adminAccountId: h.account("lihua"),
      adminUserId: "lihua",
      status: "booked",
      syncState: "in_sync",
      syncError: null,
      isRepeat: false,
      remindBefore: [900],
      createdById: h.ownerId,
    });
    expect(row.startAt.getTime()).toBe(input.meetingStart * 1000);
    expect(row.meetingCode).toBeTruthy();
    const settings = row.settings as unknown as StoredSettings;
    expect(settings).toMatchObject({
      enableWaitingRoom: true,
      remindScope: 3,
      allowEnterBeforeHost: true,
      hasPassword: true,
    });
    // Sealed like a password typed into the form, so a later edit keeps it.
    expect(openSecret(settings.passwordSealed!, `meeting-password:${h.tenant.id}`)).toBe("2468");
    const people = row.participants.map(
      (p) => `${p.role}:${p.wecomUserId}:${p.oaAccountId ?? "-"}`,
    );
    expect(people.sort()).toEqual(
      [
        "invitee:hulin:-",
        `invitee:xuqing:${h.account("xuqing")}`,
        `invitee:zhaolei:${h.account("zhaolei")}`,
      ].sort(),
    );
    const audit = await h.db.auditEvent.findMany({ where: { objectId: row.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "meeting.adopt",
      source: "web",
      actorUserId: h.ownerId,
      diff: { wecomMeetingId: id, adminUserId: "lihua", unmapped: ["hulin"] },
    });

    // Listed with the tenant's meetings, and synced like one MeetBridge booked.
    const listed = await h.actor().db.meeting.findMany({
      where: { wecomMeetingId: { not: null } },
      select: { id: true },
    });
    expect(listed.map((m) => m.id)).toContain(row.id);
    await client.cancelMeeting({ meetingId: id });
    const synced = await h.meetings.syncMeeting(h.actor(), row.id);
    expect(synced).toMatchObject({ ok: true, changed: ["status"] });
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(
      "cancelled",
    );
  });

  it("gives one row for the same meetingid adopted twice, one after the other or at once", async () => {
    const { id } = await bookedElsewhere();
    const first = await h.meetings.adoptMeeting(h.actor(), { appId: h.appId, wecomMeetingId: id });
    const second = await h.meetings.adoptMeeting(h.actor(), { appId: h.appId, wecomMeetingId: id });
    expect(first).toMatchObject({ ok: true, alreadyKnown: false });
    expect(second).toEqual({
      ok: true,
      meetingId: first.ok && first.meetingId,
      alreadyKnown: true,
    });

    const other = await bookedElsewhere();
    await h.sim.setLatency(200);
    let both;
    try {
      both = await Promise.all([
        h.meetings.adoptMeeting(h.actor(), { appId: h.appId, wecomMeetingId: other.id }),
        h.meetings.adoptMeeting(h.actor(), { appId: h.appId, wecomMeetingId: other.id }),
      ]);
    } finally {
      await h.sim.setLatency(0);
    }
    const rows = await h.db.meeting.findMany({ where: { wecomMeetingId: { in: [id, other.id] } } });
    expect(rows).toHaveLength(2);
    const row = rows.find((r) => r.wecomMeetingId === other.id)!;
    for (const r of both) expect(r).toMatchObject({ ok: true, meetingId: row.id });
    expect(both.map((r) => r.ok && r.alreadyKnown).sort()).toEqual([false, true]);
    expect(await h.db.auditEvent.count({ where: { objectId: row.id } })).toBe(1);
  });

  it("answers a meeting MeetBridge booked itself as already known, without asking WeCom", async () => {
    const booked = await h.meetings.bookMeeting(h.actor(), h.booking("自己预约的"));
    if (!booked.ok) throw new Error("booking failed");
    const row = await h.db.meeting.findUniqueOrThrow({ where: { id: booked.meetingId } });
    const reads = (await h.simRequests("meeting/get_info")).length;

    const result = await h.meetings.adoptMeeting(h.actor(), {
      appId: h.appId,
      wecomMeetingId: row.wecomMeetingId,
    });

    expect(result).toEqual({ ok: true, meetingId: row.id, alreadyKnown: true });
    expect(await h.simRequests("meeting/get_info")).toHaveLength(reads);
  });

  it("says which userid to map first when the admin has no OA account", async () => {
    const { id } = await bookedElsewhere({ adminUserId: "machao" });
    const result = await unmapped("machao", () =>
      h.meetings.adoptMeeting(h.actor(), { appId: h.appId, wecomMeetingId: id }),
    );
    expect(result.ok || decoded(result.fieldErrors)).toEqual({
      wecomMeetingId: { key: "adminNotMapped", params: { userId: "machao", app: "会议助手" } },
    });
    expect(await h.db.meeting.count({ where: { wecomMeetingId: id } })).toBe(0);
  });

  it("refuses an unknown meetingid, another app's meeting and another tenant's app, each at its field", async () => {
    const custom = await h.db.app.findFirstOrThrow({
      where: { tenantId: h.tenant.id, name: "会议预约（代开发）" },
    });
    const customClient = await h.meetings.meetingDeps.clientFor(h.actor().db, custom.id);
    const theirs = await bookedElsewhere({ adminUserId: "zhaolei" }, customClient);

    const unknown = await h.meetings.adoptMeeting(h.actor(), {
      appId: h.appId,
      wecomMeetingId: "no-such-meeting",
    });
    const otherApp = await h.meetings.adoptMeeting(h.actor(), {
      appId: h.appId,
      wecomMeetingId: theirs.id,
    });
    const sandbox = await h.db.tenant.findFirstOrThrow({ where: { id: { not: h.tenant.id } } });
    const stranger: MeetingActor = {
      ...h.actor(),
      db: scopeToTenant(h.db, sandbox.id),
      tenantId: sandbox.id,
    };
    const otherTenant = await h.meetings.adoptMeeting(stranger, {
      appId: h.appId,
      wecomMeetingId: theirs.id,
    });
    const empty = await h.meetings.adoptMeeting(h.actor(), {
      appId: h.appId,
      wecomMeetingId: "  ",
    });

    expect(unknown.ok || decoded(unknown.fieldErrors)).toEqual({
      wecomMeetingId: {
        key: "unknownMeeting",
        params: { id: "no-such-meeting", app: "会议助手" },
      },
    });
    expect(otherApp.ok || decoded(otherApp.fieldErrors)).toEqual({
      wecomMeetingId: { key: "unknownMeeting", params: { id: theirs.id, app: "会议助手" } },
    });
    expect(otherTenant.ok || decoded(otherTenant.fieldErrors)).toEqual({
      appId: { key: "appNotFound", params: {} },
    });
    expect(empty.ok || decoded(empty.fieldErrors)).toEqual({
      wecomMeetingId: { key: "meetingIdRequired", params: {} },
    });
    expect(await h.db.meeting.count({ where: { wecomMeetingId: theirs.id } })).toBe(0);
    // Through its own app it is adopted.
    const right = await h.meetings.adoptMeeting(h.actor(), {
      appId: custom.id,
      wecomMeetingId: theirs.id,
    });
    expect(right).toMatchObject({ ok: true, alreadyKnown: false });
  });
});

describe("discovering a member's meetings", () => {
  it("lists only the member's meetings MeetBridge does not know yet", async () => {
    const asAdmin = await bookedElsewhere({ adminUserId: "chenming", title: "陈明主持的会" });
    const asInvitee = await bookedElsewhere({
      adminUserId: "wuhao",
      inviteeUserIds: ["chenming"],
      title: "陈明受邀的会",
    });
    const adopted = await bookedElsewhere({ adminUserId: "chenming", title: "已接管的会" });
    await h.meetings.adoptMeeting(h.actor(), { appId: h.appId, wecomMeetingId: adopted.id });
    const booked = await h.meetings.bookMeeting(
      h.actor(),
      h.booking("陈明在MeetBridge预约", { adminId: h.account("chenming") }),
    );
    expect(booked.ok).toBe(true);
    const notHis = await bookedElsewhere({ adminUserId: "wuhao", title: "与陈明无关" });

    const result = await h.meetings.discoverMeetings(h.actor(), {
      appId: h.appId,
      accountId: h.account("chenming"),
    });

    expect(result).toMatchObject({ ok: true, truncated: false });
    if (!result.ok) return;
    expect(result.meetings).toEqual([
      {
        wecomMeetingId: asAdmin.id,
        title: "陈明主持的会",
        startAt: new Date(asAdmin.input.meetingStart * 1000).toISOString(),
        durationSec: 2700,
        status: "booked",
        isRepeat: false,
        adminUserId: "chenming",
        adminAccountId: h.account("chenming"),
        adminName: "陈明",
      },
      {
        wecomMeetingId: asInvitee.id,
        title: "陈明受邀的会",
        startAt: new Date(asInvitee.input.meetingStart * 1000).toISOString(),
        durationSec: 2700,
        status: "booked",
        isRepeat: false,
        adminUserId: "wuhao",
        adminAccountId: h.account("wuhao"),
        adminName: "吴昊",
      },
    ]);
    expect(result.meetings.map((m) => m.wecomMeetingId)).not.toContain(notHis.id);
    // Adopting one takes it off the list.
    await h.meetings.adoptMeeting(h.actor(), { appId: h.appId, wecomMeetingId: asAdmin.id });
    const after = await h.meetings.discoverMeetings(h.actor(), {
      appId: h.appId,
      accountId: h.account("chenming"),
    });
    expect(after.ok && after.meetings.map((m) => m.wecomMeetingId)).toEqual([asInvitee.id]);
  });

  it("refuses a member without a WeCom account in the app's corp", async () => {
    const result = await unmapped("yangfan", () =>
      h.meetings.discoverMeetings(h.actor(), {
        appId: h.appId,
        accountId: h.account("yangfan"),
      }),
    );
    expect(result.ok || decoded(result.fieldErrors)).toEqual({
      accountId: { key: "accountNotMapped", params: { name: "杨帆", app: "会议助手" } },
    });
  });
});
