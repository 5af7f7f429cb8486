// The calendar's read on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL
// is set): one-off meetings in a range, and recurring series expanded to each occurrence
// in it, stopping at repeatUntil and at WeCom's cap on the number of occurrences.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant-scope";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { calendarRange, dayInZone, meetingsInRange } from "./calendar";

const TZ = "Asia/Shanghai";
let t: TestDatabase;
let db: TenantDb;
let other: TenantDb;
const ids: Record<string, string> = {};

/** Unix seconds of a wall-clock time in Shanghai (UTC+8, no DST). */
const sh = (wall: string) => Date.parse(`${wall}:00+08:00`) / 1000;

async function tenant(slug: string) {
  const row = await t.db.tenant.create({ data: { name: slug, slug } });
  const corp = await t.db.corp.create({
    data: { tenantId: row.id, corpId: `ww-${slug}`, name: "Corp" },
  });
  const app = await t.db.app.create({
    data: { tenantId: row.id, corpRowId: corp.id, name: "App", kind: "self_built", agentId: 1 },
  });
  const account = await t.db.oaAccount.create({ data: { tenantId: row.id, name: "Admin" } });
  return { tenantId: row.id, appId: app.id, accountId: account.id };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const a = await tenant("cal-a");
  const b = await tenant("cal-b");
  db = scopeToTenant(t.db, a.tenantId);
  other = scopeToTenant(t.db, b.tenantId);
  let n = 0;
  const meeting = async (
    key: string,
    start: string,
    over: Record<string, unknown> = {},
    owner = a,
  ) => {
    const row = await t.db.meeting.create({
      data: {
        tenantId: owner.tenantId,
        appId: owner.appId,
        adminAccountId: owner.accountId,
        adminUserId: "admin",
        idempotencyKey: `k-${n++}`,
        wecomMeetingId: `wm-${n}`,
        title: key,
        startAt: new Date(sh(start) * 1000),
        durationSec: 3600,
        ...over,
      },
    });
    ids[key] = row.id;
  };
  // Mondays 10:00 from 2030-01-07 until 2030-01-28 (four occurrences).
  await meeting("weekly", "2030-01-07T10:00", {
    isRepeat: true,
    repeatType: 1,
    repeatInterval: 1,
    repeatUntil: new Date(sh("2030-01-28T23:59") * 1000),
  });
  // Every day 09:00 from 2030-01-30 to 2030-02-02, across the month boundary.
  await meeting("daily", "2030-01-30T09:00", {
    isRepeat: true,
    repeatType: 0,
    repeatUntil: new Date(sh("2030-02-02T00:00") * 1000),
  });
  // Every day without an end: WeCom's cap of 200 occurrences ends it.
  await meeting("endless", "2031-01-01T08:00", { isRepeat: true, repeatType: 0 });
  await meeting("one-off", "2030-01-09T15:30");
  await meeting("cancelled", "2030-01-10T15:30", { status: "cancelled" });
  await meeting("failed", "2030-01-11T15:30", { status: "failed" });
  await meeting("theirs", "2030-01-09T11:00", {}, b);
});
afterAll(async () => {
  await t?.drop();
});

const week = (date: string) => calendarRange("week", date, TZ, 0);
const month = (date: string) => calendarRange("month", date, TZ, 0);
const titled = async (range: { fromSec: number; toSec: number }, title: string) =>
  (await meetingsInRange(db, TZ, range.fromSec, range.toSec)).filter((o) => o.title === title);

describe(`the calendar's meetings in a range (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("shows a weekly series on each week, at its wall-clock time, until repeatUntil", async () => {
    for (const monday of ["2030-01-07", "2030-01-14", "2030-01-21", "2030-01-28"]) {
      const found = await titled(week(monday), "weekly");
      expect(found, monday).toHaveLength(1);
      expect(found[0]).toMatchObject({
        meetingId: ids.weekly,
        startSec: sh(`${monday}T10:00`),
        endSec: sh(`${monday}T11:00`),
        status: "booked",
        isRepeat: true,
      });
    }
    expect(await titled(week("2030-02-04"), "weekly")).toEqual([]);
    expect(await titled(week("2029-12-31"), "weekly")).toEqual([]);
    expect(await titled(month("2030-01-15"), "weekly")).toHaveLength(4);
  });

  it("shows an occurrence WeCom reports cancelled as cancelled, the others booked", async () => {
    const occurrence = await t.db.meetingOccurrence.create({
      data: {
        tenantId: (await t.db.meeting.findUniqueOrThrow({ where: { id: ids.weekly! } })).tenantId,
        meetingId: ids.weekly!,
        subMeetingId: "sub-3",
        startAt: new Date(sh("2030-01-21T10:00") * 1000),
        endAt: new Date(sh("2030-01-21T11:00") * 1000),
        status: "cancelled",
      },
    });
    try {
      const statuses = (await titled(month("2030-01-15"), "weekly")).map((o) => o.status);
      expect(statuses).toEqual(["booked", "booked", "cancelled", "booked"]);
    } finally {
      await t.db.meetingOccurrence.delete({ where: { id: occurrence.id } });
    }
  });

  it("shows a daily series across a month boundary in both months' views", async () => {
    const days = (os: { startSec: number }[]) => os.map((o) => dayInZone(o.startSec, TZ));
    const all = ["2030-01-30", "2030-01-31", "2030-02-01", "2030-02-02"];
    // January's grid runs to Sunday 2030-02-03, February's from Monday 2030-01-28.
    expect(days(await titled(month("2030-01-01"), "daily"))).toEqual(all);
    expect(days(await titled(month("2030-02-20"), "daily"))).toEqual(all);
    expect(days(await titled(week("2030-02-01"), "daily"))).toEqual(all);
    expect(await titled(month("2030-03-01"), "daily")).toEqual([]);
  });

  it("ends a series without repeatUntil at WeCom's cap", async () => {
    // 200 daily occurrences from 2031-01-01: the last on 2031-07-19.
    expect(await titled(week("2031-07-19"), "endless")).toHaveLength(6);
    expect(await titled(week("2031-07-21"), "endless")).toEqual([]);
  });

  it("lists one-off and cancelled meetings by start, never failed ones or another tenant's", async () => {
    const found = await meetingsInRange(
      db,
      TZ,
      week("2030-01-07").fromSec,
      week("2030-01-07").toSec,
    );
    expect(found.map((o) => [o.title, o.status, o.isRepeat])).toEqual([
      ["weekly", "booked", true],
      ["one-off", "booked", false],
      ["cancelled", "cancelled", false],
    ]);
    const theirs = await meetingsInRange(
      other,
      TZ,
      week("2030-01-07").fromSec,
      week("2030-01-07").toSec,
    );
    expect(theirs.map((o) => o.title)).toEqual(["theirs"]);
  });
});

describe("the calendar's range", () => {
  it("is the Monday-to-Sunday week of the date, midnight to midnight in the zone", () => {
    const r = calendarRange("week", "2030-01-09", TZ, 0);
    expect(r.days).toEqual([
      "2030-01-07",
      "2030-01-08",
      "2030-01-09",
      "2030-01-10",
      "2030-01-11",
      "2030-01-12",
      "2030-01-13",
    ]);
    expect(r.fromSec).toBe(sh("2030-01-07T00:00"));
    expect(r.toSec).toBe(sh("2030-01-14T00:00"));
    expect([r.prev, r.next]).toEqual(["2030-01-02", "2030-01-16"]);
  });

  it("lists the same week in the agenda, stepping by week", () => {
    const r = calendarRange("agenda", "2030-01-09", TZ, 0);
    expect(r.view).toBe("agenda");
    expect([r.days[0], r.days.at(-1)]).toEqual(["2030-01-07", "2030-01-13"]);
    expect([r.prev, r.next]).toEqual(["2030-01-02", "2030-01-16"]);
  });

  it("covers a month with whole weeks and steps by month", () => {
    const r = calendarRange("month", "2030-01-31", TZ, 0);
    expect(r.days[0]).toBe("2029-12-31");
    expect(r.days.at(-1)).toBe("2030-02-03");
    expect(r.days).toHaveLength(35);
    expect([r.prev, r.next]).toEqual(["2029-12-01", "2030-02-01"]);
  });

  it("falls back to a week around today for an unknown view or an invalid date", () => {
    const now = sh("2030-03-05T23:30");
    const r = calendarRange("year", "2030-02-30", TZ, now);
    expect(r.view).toBe("week");
    expect(r.date).toBe("2030-03-05");
    expect(r.today).toBe("2030-03-05");
    expect(r.days[0]).toBe("2030-03-04");
  });
});
