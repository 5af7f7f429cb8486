// Meetings changed, cancelled, started or ended in WeCom outside MeetBridge: the sync
// (syncMeeting, the page's refreshMeeting, the periodic syncDueMeetings) on a real
// database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) against the simulator.
// MeetBridge's clock is moved through deps.nowSec (a later run finds every meeting due),
// the simulator's through its /__sim/clock control.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env.js";
import type { MeetingDeps } from "@/lib/meetings/deps";
import type { StoredSettings } from "@/lib/meetings/stored-booking";
import type { BookingValues } from "@/lib/schemas/booking";
import type { WecomClient } from "@/lib/wecom";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

let h: MeetingHarness;
let client: WecomClient;
/** Seconds MeetBridge's clock runs ahead of real time. */
let ahead = 0;

beforeAll(async () => {
  h = await startMeetingHarness();
  client = await h.meetings.meetingDeps.clientFor(h.actor().db, h.appId);
});
afterAll(async () => {
  await h?.close();
});

/** MeetBridge's clock moved on by more than a sync interval: every meeting is due again. */
function later(sec = env.MEETBRIDGE_SYNC_INTERVAL_SECONDS + 60): MeetingDeps {
  ahead += sec;
  const offset = ahead;
  return { ...h.meetings.meetingDeps, nowSec: () => Date.now() / 1000 + offset };
}

async function book(name: string, over: Partial<BookingValues> = {}, minutesAhead?: number) {
  const v = h.booking(name, over, minutesAhead);
  const result = await h.meetings.bookMeeting(h.actor(), v);
  if (!result.ok) throw new Error(`booking ${name}: ${JSON.stringify(result)}`);
  const row = await h.db.meeting.findUniqueOrThrow({ where: { id: result.meetingId } });
  return { v, id: row.id, wecomId: row.wecomMeetingId!, version: row.version };
}

const rowOf = (id: string) =>
  h.db.meeting.findUniqueOrThrow({ where: { id }, include: { participants: true } });
const syncEvents = (id: string) =>
  h.db.auditEvent.findMany({
    where: { objectId: id, action: "meeting.sync" },
    orderBy: { createdAt: "asc" },
  });

/** get_info requests the simulator received since `from`, counted by meetingid. */
async function getInfosSince(from: number): Promise<Map<string, number>> {
  const all = await h.simRequests("meeting/get_info");
  const counts = new Map<string, number>();
  for (const r of all.slice(from)) {
    const id = String((r.body as { meetingid?: unknown }).meetingid);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe(`the periodic sync (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("shows a meeting cancelled in WeCom as cancelled, with one audit event from sync", async () => {
    const cancelled = await book("企微里取消");
    const untouched = await book("企微里未动");
    await client.cancelMeeting({ meetingId: cancelled.wecomId });

    const tally = await h.meetings.syncDueMeetings(later());

    expect(tally.failed).toBe(0);
    const row = await rowOf(cancelled.id);
    expect(row).toMatchObject({
      status: "cancelled",
      syncState: "in_sync",
      syncError: null,
      version: cancelled.version + 1,
    });
    expect(row.cancelledAt).not.toBeNull();
    const events = await syncEvents(cancelled.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: "sync",
      actorUserId: null,
      diff: { status: { from: "booked", to: "cancelled" } },
    });
    expect(Object.keys(events[0]!.diff as object)).toEqual(["status"]);

    // Nothing changed in WeCom: read, but no new version and no audit event.
    const same = await rowOf(untouched.id);
    expect(same).toMatchObject({ status: "booked", version: untouched.version });
    expect(same.lastSyncedAt!.getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect(await syncEvents(untouched.id)).toHaveLength(0);

    // A final meeting is not polled again.
    const from = (await h.simRequests("meeting/get_info")).length;
    await h.meetings.syncDueMeetings(later());
    expect((await getInfosSince(from)).has(cancelled.wecomId)).toBe(false);
    expect(await syncEvents(cancelled.id)).toHaveLength(1);
  });

  it("shows a title, time, place, people and settings changed in WeCom, keeping the sealed password", async () => {
    const m = await book("企微里改过", {
      password: "1357",
      inviteeIds: [h.account("zhaolei")],
      remindBefore: [300],
    });
    const before = await rowOf(m.id);
    const sealed = (before.settings as unknown as StoredSettings).passwordSealed;
    const newStart = h.startSec(m.v) + 86_400;
    // sunli is invited in WeCom but has no OA account mapped in MeetBridge.
    const sunli = await h.db.mapping.findFirstOrThrow({
      where: { tenantId: h.tenant.id, wecomUserId: "sunli" },
    });
    await h.db.mapping.delete({ where: { id: sunli.id } });
    try {
      await client.updateMeeting({
        meetingId: m.wecomId,
        title: "改名后的会议",
        meetingStart: newStart,
        meetingDuration: 5400,
        location: "5号会议室",
        inviteeUserIds: ["zhaolei", "sunli"],
        settings: {
          password: "1357",
          enableWaitingRoom: true,
          allowEnterBeforeHost: true,
          remindScope: 2,
          enableEnterMute: 2,
          allowExternalUser: true,
          enableScreenWatermark: false,
        },
        reminders: { isRepeat: false, remindBefore: [900, 3600] },
      });

      // The meeting page's refresh is the same sync, under the reader's own name.
      const result = await h.meetings.refreshMeeting(h.actor(), m.id);

      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      expect([...result.changed].sort()).toEqual(
        [
          "title",
          "startAt",
          "durationSec",
          "location",
          "invitees",
          "enableWaitingRoom",
          "remindBefore",
        ].sort(),
      );
      const row = await rowOf(m.id);
      expect(row).toMatchObject({
        title: "改名后的会议",
        durationSec: 5400,
        location: "5号会议室",
        description: null,
        remindBefore: [900, 3600],
        version: m.version + 1,
      });
      expect(row.startAt.getTime()).toBe(newStart * 1000);
      const settings = row.settings as unknown as StoredSettings;
      expect(settings).toMatchObject({ enableWaitingRoom: true, hasPassword: true });
      expect(settings.passwordSealed).toBe(sealed);
      expect(openSecret(settings.passwordSealed!, `meeting-password:${h.tenant.id}`)).toBe("1357");
      const people = row.participants
        .map((p) => `${p.role}:${p.wecomUserId}:${p.oaAccountId ?? "-"}`)
        .sort();
      expect(people).toEqual(["invitee:sunli:-", `invitee:zhaolei:${h.account("zhaolei")}`]);

      const [event] = await syncEvents(m.id);
      expect(event).toMatchObject({ source: "web", actorUserId: h.ownerId });
      expect(event!.diff).toMatchObject({
        title: { from: m.v.title, to: "改名后的会议" },
        startAt: {
          from: new Date(h.startSec(m.v) * 1000).toISOString(),
          to: new Date(newStart * 1000).toISOString(),
        },
        durationSec: { from: 3600, to: 5400 },
        location: { from: null, to: "5号会议室" },
        invitees: { from: ["zhaolei"], to: ["sunli", "zhaolei"] },
        enableWaitingRoom: { from: false, to: true },
        remindBefore: { from: [300], to: [900, 3600] },
      });
      expect(JSON.stringify(event!.diff)).not.toContain("1357");

      // Asked again: WeCom and MeetBridge agree, nothing is written but the time.
      const again = await h.meetings.refreshMeeting(h.actor(), m.id);
      expect(again).toMatchObject({ ok: true, changed: [] });
      expect((await rowOf(m.id)).version).toBe(m.version + 1);
      expect(await syncEvents(m.id)).toHaveLength(1);
    } finally {
      await h.db.mapping.create({
        data: {
          tenantId: sunli.tenantId,
          corpRowId: sunli.corpRowId,
          oaAccountId: sunli.oaAccountId,
          wecomUserId: "sunli",
        },
      });
    }
  });

  it("settles a meeting whose last edit lost WeCom's answer: WeCom's version is kept", async () => {
    const m = await book("编辑答复丢失");
    await client.updateMeeting({ meetingId: m.wecomId, title: "编辑已生效" });
    // As update-meeting leaves it after a lost answer: version claimed, the row unsettled.
    await h.db.meeting.update({
      where: { id: m.id },
      data: { syncState: "needs_reconciliation", version: { increment: 1 } },
    });

    await h.meetings.syncDueMeetings(later());

    expect(await rowOf(m.id)).toMatchObject({
      title: "编辑已生效",
      syncState: "in_sync",
      syncError: null,
      version: m.version + 2,
    });
    const [event] = await syncEvents(m.id);
    expect(event?.diff).toMatchObject({
      title: { from: m.v.title, to: "编辑已生效" },
      syncState: { from: "needs_reconciliation", to: "in_sync" },
    });
  });

  it("leaves a meeting alone while a MeetBridge call holds it", async () => {
    const m = await book("正在编辑");
    await client.updateMeeting({ meetingId: m.wecomId, title: "企微改名" });
    await h.db.meeting.update({ where: { id: m.id }, data: { syncState: "pending" } });
    try {
      const result = await h.meetings.syncMeeting(h.actor(), m.id);
      expect(result).toEqual({ ok: false, failure: null, reason: "busy" });
      expect(await rowOf(m.id)).toMatchObject({ title: m.v.title, syncState: "pending" });
    } finally {
      await h.db.meeting.update({ where: { id: m.id }, data: { syncState: "in_sync" } });
    }
  });

  it("two runs at once read each meeting once; a run within the interval reads nothing", async () => {
    const mine = await Promise.all([book("并发同步甲"), book("并发同步乙"), book("并发同步丙")]);
    const deps = later();
    const due = await h.db.meeting.findMany({
      where: { wecomMeetingId: { not: null }, status: { in: ["booked", "in_progress"] } },
      select: { wecomMeetingId: true },
    });
    const from = (await h.simRequests("meeting/get_info")).length;
    await h.sim.setLatency(50);
    let tallies;
    try {
      tallies = await Promise.all([
        h.meetings.syncDueMeetings(deps),
        h.meetings.syncDueMeetings(deps),
      ]);
    } finally {
      await h.sim.setLatency(0);
    }

    const polled = await getInfosSince(from);
    expect([...polled.keys()].sort()).toEqual(due.map((d) => d.wecomMeetingId!).sort());
    for (const m of mine) expect(polled.get(m.wecomId)).toBe(1);
    expect([...polled.values()].every((n) => n === 1)).toBe(true);
    expect(tallies[0]!.polled + tallies[1]!.polled).toBe(due.length);
    expect(tallies[0]!.failed + tallies[1]!.failed).toBe(0);

    const again = await h.meetings.syncDueMeetings(deps);
    expect(again).toEqual({ polled: 0, changed: 0, failed: 0, skipped: 0 });
    expect(await getInfosSince(from)).toEqual(polled);
  });

  it("reads the meetings nearest to now first, at most a batch per run", async () => {
    const far = await book("远的会议", {}, 240);
    const near = await book("近的会议", {}, 30);
    const middle = await book("居中的会议", {}, 90);
    // As MeetBridge knows it, `far` started 100 minutes ago: farther than `middle` is ahead.
    await h.db.meeting.update({
      where: { id: far.id },
      data: { startAt: new Date(Date.now() - 100 * 60_000) },
    });
    // Only these three are due (the others as if just synced).
    await h.db.meeting.updateMany({ data: { lastSyncedAt: new Date(Date.now() + 86_400_000) } });
    await h.db.meeting.updateMany({
      where: { id: { in: [far.id, near.id, middle.id] } },
      data: { lastSyncedAt: new Date(0) },
    });
    const from = (await h.simRequests("meeting/get_info")).length;

    const tally = await h.meetings.syncDueMeetings(h.meetings.meetingDeps, { batch: 2 });

    expect(tally).toMatchObject({ polled: 2, failed: 0 });
    expect([...(await getInfosSince(from)).keys()].sort()).toEqual(
      [near.wecomId, middle.wecomId].sort(),
    );
    expect(await h.meetings.syncDueMeetings(h.meetings.meetingDeps, { batch: 2 })).toMatchObject({
      polled: 1,
    });
    expect((await getInfosSince(from)).get(far.wecomId)).toBe(1);
  });

  it("the scheduler's sync job runs once per interval across instances", async () => {
    const m = await book("定时同步");
    await client.updateMeeting({ meetingId: m.wecomId, title: "定时同步改名" });
    // As if last synced an interval ago (the scheduler reads the real clock).
    await h.db.meeting.updateMany({ data: { lastSyncedAt: new Date(0) } });
    await h.db.lease.deleteMany({ where: { name: "jobs:sync" } });
    const { runJobsOnce } = await import("@/lib/jobs/scheduler");
    const from = (await h.simRequests("meeting/get_info")).length;

    await Promise.all([runJobsOnce(), runJobsOnce()]);
    expect((await rowOf(m.id)).title).toBe("定时同步改名");
    const lease = await h.db.lease.findUniqueOrThrow({ where: { name: "jobs:sync" } });
    const ttl = lease.lockedUntil.getTime() - Date.now();
    expect(ttl).toBeGreaterThan((env.MEETBRIDGE_SYNC_INTERVAL_SECONDS - 30) * 1000);
    expect(ttl).toBeLessThan(env.MEETBRIDGE_SYNC_INTERVAL_SECONDS * 1000);
    const polled = await getInfosSince(from);
    expect([...polled.values()].every((n) => n === 1)).toBe(true);

    // The next tick within the interval: the job's lease is held, nothing is read.
    await h.db.meeting.updateMany({ data: { lastSyncedAt: new Date(0) } });
    await runJobsOnce();
    expect(await getInfosSince(from)).toEqual(polled);
  });

  it("records a meetingid WeCom no longer knows in syncError, and goes on with the others", async () => {
    const gone = await book("企微里已不存在");
    const other = await book("旁边的会议");
    await client.updateMeeting({ meetingId: other.wecomId, title: "旁边的会议改名" });
    await h.db.meeting.update({
      where: { id: gone.id },
      data: { wecomMeetingId: `${gone.wecomId}-unknown` },
    });
    try {
      const deps = later();
      const tally = await h.meetings.syncDueMeetings(deps);

      expect(tally.failed).toBe(1);
      const row = await rowOf(gone.id);
      expect(row).toMatchObject({ status: "booked", version: gone.version });
      expect(JSON.parse(row.syncError!)).toMatchObject({ kind: "wecom", errcode: 40058 });
      expect(await syncEvents(gone.id)).toHaveLength(0);
      expect((await rowOf(other.id)).title).toBe("旁边的会议改名");

      // Not asked again within the interval, by this run or another.
      const from = (await h.simRequests("meeting/get_info")).length;
      expect(await h.meetings.syncDueMeetings(deps)).toMatchObject({ polled: 0 });
      expect(await getInfosSince(from)).toEqual(new Map());

      const page = await h.meetings.refreshMeeting(h.actor(), gone.id);
      expect(page).toMatchObject({
        ok: false,
        reason: "gone",
        failure: { kind: "wecom", errcode: 40058 },
      });
    } finally {
      await h.db.meeting.update({ where: { id: gone.id }, data: { status: "expired" } });
    }
  });

  it("follows the clock: in progress once started, ended once over", async () => {
    const m = await book("按时开始", { inviteeIds: [h.account("wuhao")] }, 15);
    const startsIn = h.startSec(m.v) - Math.floor(Date.now() / 1000);
    try {
      await h.sim.advanceClock(startsIn + 60);
      await h.meetings.syncDueMeetings(later(startsIn + 60));
      expect(await rowOf(m.id)).toMatchObject({ status: "in_progress", version: m.version + 1 });

      await h.sim.advanceClock(3600);
      await h.meetings.syncDueMeetings(later(3600));
      const row = await rowOf(m.id);
      expect(row).toMatchObject({ status: "ended", version: m.version + 2 });
      expect(row.participants.find((p) => p.wecomUserId === "wuhao")?.attendStatus).toBe(2);

      const events = await syncEvents(m.id);
      expect(events.map((e) => (e.diff as { status?: unknown }).status)).toEqual([
        { from: "booked", to: "in_progress" },
        { from: "in_progress", to: "ended" },
      ]);
    } finally {
      await h.control("POST", "/__sim/clock", { reset: true });
    }
  });
});
