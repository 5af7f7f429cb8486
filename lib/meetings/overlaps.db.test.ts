// The booking form's clash warning on a real database: the same people at the same time
// clash, but a meeting being edited never clashes with itself, nor with the one-offs its
// moved occurrences became.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { findOverlaps } from "@/lib/meetings/overlaps";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

let h: MeetingHarness;
beforeAll(async () => {
  h = await startMeetingHarness();
});
afterAll(async () => {
  await h?.close();
});

const clashes = (accountIds: string[], startSec: number, excludeId?: string) =>
  findOverlaps(h.db as unknown as TenantDb, {
    accountIds,
    startSec,
    durationSec: 3600,
    excludeId,
  }).then((found) => found.map((o) => o.meetingId));

describe(`overlap warning (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("warns of the same people at the same time, but not of the meeting being edited", async () => {
    const v = { ...h.booking("撞时间", {}, 3 * 24 * 60), inviteeIds: [h.account("zhaolei")] };
    const booked = await h.meetings.bookMeeting(h.actor(), v);
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    const people = [h.account("zhaolei")];
    expect(await clashes(people, h.startSec(v) + 1800)).toContain(booked.meetingId);
    expect(await clashes(people, h.startSec(v) + 1800, booked.meetingId)).not.toContain(
      booked.meetingId,
    );
  });

  it("editing a series does not clash with an occurrence it moved", async () => {
    const base = h.booking("移过的周会", {}, 5 * 24 * 60);
    const until = new Date((h.startSec(base) + 3 * 7 * 86_400 + 8 * 3600) * 1000);
    const series = await h.meetings.bookMeeting(h.actor(), {
      ...base,
      isRepeat: true,
      repeatType: 1,
      repeatUntil: until.toISOString().slice(0, 10),
      inviteeIds: [h.account("zhaolei")],
    });
    if (!series.ok) throw new Error(JSON.stringify(series));
    await h.meetings.syncMeeting(h.actor(), series.meetingId);
    const second = (
      await h.db.meetingOccurrence.findMany({
        where: { meetingId: series.meetingId },
        orderBy: { startAt: "asc" },
      })
    )[1]!;
    const movedStartSec = second.startAt.getTime() / 1000 + 86_400;
    const moved = await h.meetings.moveOccurrence(
      h.actor(),
      series.meetingId,
      second.subMeetingId,
      {
        start: new Date((movedStartSec + 8 * 3600) * 1000).toISOString().slice(0, 16),
      },
    );
    if (!moved.ok) throw new Error(JSON.stringify(moved));
    const people = [h.account("zhaolei")];
    expect(await clashes(people, movedStartSec)).toContain(moved.oneOffId);
    expect(await clashes(people, movedStartSec, series.meetingId)).toEqual([]);
  });
});
