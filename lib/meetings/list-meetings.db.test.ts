// The meetings list on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is
// set): filters, sorting and pagination happen in the query, scoped to the tenant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeToTenant } from "@/lib/db/tenant-scope";
import { env } from "@/lib/env.js";
import {
  DEFAULT_FILTERS,
  meetingFiltersToSearch,
  parseMeetingFilters,
  type MeetingFilters,
} from "@/lib/schemas/meeting-filters";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";
import {
  listMeetings,
  listMeetingsByCursor,
  meetingsForExport,
  type ListViewer,
} from "./list-meetings";

let h: MeetingHarness;
const TAG = `列表${Date.now().toString(36)}`;

beforeAll(async () => {
  h = await startMeetingHarness();
  // 2026-12-01 … 2026-12-12, 09:00 Shanghai (01:00 UTC); every third one cancelled, the
  // 2nd and the 5th reported in progress; the 1st and the 6th booked by the owner.
  await h.db.meeting.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      tenantId: h.tenant.id,
      appId: h.appId,
      idempotencyKey: `${TAG}-${i}`,
      title: `${TAG} ${String(i + 1).padStart(2, "0")}`,
      startAt: new Date(Date.UTC(2026, 11, 1 + i, 1)),
      durationSec: 1800,
      adminAccountId: h.account("lihua"),
      adminUserId: "lihua",
      status:
        i % 3 === 2
          ? ("cancelled" as const)
          : i === 1 || i === 4
            ? ("in_progress" as const)
            : ("booked" as const),
      createdById: i === 0 || i === 5 ? h.ownerId : null,
      syncState: i === 0 ? ("needs_reconciliation" as const) : ("in_sync" as const),
    })),
  });
});
afterAll(async () => {
  await h?.close();
});

const list = (params: Record<string, string>, viewer?: ListViewer) =>
  listMeetings(
    scopeToTenant(h.db, h.tenant.id),
    "Asia/Shanghai",
    parseMeetingFilters({ q: TAG, ...params }),
    viewer,
  );
const days = (rows: { title: string }[]) => rows.map((r) => r.title.slice(-2));
// 2026-12-06 08:00 Shanghai: the 5th started 23 hours ago and is reported in progress; the
// 2nd too, but four days ago (a status not refreshed since); the 6th has not started.
const NOW = new Date(Date.UTC(2026, 11, 6, 0));

describe(`listing meetings (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("lists what is not over first by default: in progress, then soonest start; then the past, latest first", async () => {
    const all = await list({}, { now: NOW });
    expect(all.total).toBe(12);
    expect(days(all.rows)).toEqual([
      "05",
      "06",
      "07",
      "08",
      "09",
      "10",
      "11",
      "12",
      "04",
      "03",
      "02",
      "01",
    ]);
    // Pages of 5 across the boundary between the two parts (read from either end).
    const small = { ...parseMeetingFilters({ q: TAG }), size: 5 as MeetingFilters["size"] };
    const pages = [];
    for (const page of [1, 2, 3])
      pages.push(
        days(
          (
            await listMeetings(
              scopeToTenant(h.db, h.tenant.id),
              "Asia/Shanghai",
              { ...small, page },
              { now: NOW },
            )
          ).rows,
        ),
      );
    expect(pages).toEqual([
      ["05", "06", "07", "08", "09"],
      ["10", "11", "12", "04", "03"],
      ["02", "01"],
    ]);
    // The export follows the same order.
    const exported = [];
    for await (const batch of meetingsForExport(
      scopeToTenant(h.db, h.tenant.id),
      "Asia/Shanghai",
      parseMeetingFilters({ q: TAG }),
      { now: NOW },
    ))
      exported.push(...batch);
    expect(days(exported)).toEqual(days(all.rows));
  });

  it("sorts by a column: start descending, title ascending", async () => {
    const first = await list({ sort: "start" });
    expect(first.total).toBe(12);
    expect(first.pageCount).toBe(1);
    expect(first.rows.map((r) => r.title.slice(-2))).toEqual([
      "12",
      "11",
      "10",
      "09",
      "08",
      "07",
      "06",
      "05",
      "04",
      "03",
      "02",
      "01",
    ]);
    const page2 = await listMeetings(scopeToTenant(h.db, h.tenant.id), "Asia/Shanghai", {
      ...DEFAULT_FILTERS,
      q: TAG,
      sort: "title",
      dir: "asc",
      size: 25,
      page: 9,
    });
    // A page past the end shows the last one.
    expect(page2.page).toBe(1);
    expect(page2.rows[0]!.title.endsWith("01")).toBe(true);
  });

  it("filters by status, by reconciliation and by a date range in the tenant's zone", async () => {
    expect((await list({ status: "cancelled" })).total).toBe(4);
    const nr = await list({ status: "needs_reconciliation" });
    expect(nr.rows.map((r) => [r.title.slice(-2), r.needsReconciliation])).toEqual([["01", true]]);
    // 2026-12-03 and 2026-12-04 in Shanghai, both ends inclusive.
    const range = await list({ from: "2026-12-03", to: "2026-12-04", sort: "start", dir: "asc" });
    expect(range.rows.map((r) => r.title.slice(-2))).toEqual(["03", "04"]);
    expect((await list({ status: "booked", from: "2026-12-03", to: "2026-12-06" })).total).toBe(1);
  });

  it("sees no meeting of another tenant", async () => {
    const other = await listMeetings(
      scopeToTenant(h.db, "no-such-tenant"),
      "Asia/Shanghai",
      parseMeetingFilters({ q: TAG }),
    );
    expect(other.total).toBe(0);
  });

  it("exports every matching meeting in list order", async () => {
    const rows = [];
    for await (const batch of meetingsForExport(
      scopeToTenant(h.db, h.tenant.id),
      "Asia/Shanghai",
      parseMeetingFilters({ q: TAG, status: "booked", size: "25" }),
    ))
      rows.push(...batch);
    expect(rows).toHaveLength(6);
  });

  it("lists only the signer's bookings under 「我预约的」, and none without a signed-in person", async () => {
    const mine = await list({ mine: "1", sort: "start", dir: "asc" }, { userId: h.ownerId });
    expect(days(mine.rows)).toEqual(["01", "06"]);
    expect((await list({ mine: "1" }, { userId: "someone-else" })).total).toBe(0);
    expect((await list({ mine: "1" })).total).toBe(0);
  });

  it("pages by cursor on the chosen sort, and refuses a cursor of another sort", async () => {
    const db = scopeToTenant(h.db, h.tenant.id);
    for (const [sort, dir] of [
      ["title", "desc"],
      ["start", "asc"],
    ] as const) {
      const filters = { ...parseMeetingFilters({ q: TAG }), sort, dir };
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await listMeetingsByCursor(db, "Asia/Shanghai", filters, { cursor, limit: 5 });
        seen.push(...days(page!.rows));
        if (!page!.nextCursor) break;
        cursor = page!.nextCursor;
      }
      const expected = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
      expect(seen).toEqual(dir === "asc" ? expected : expected.reverse());
    }
    const byTitle = await listMeetingsByCursor(
      db,
      "Asia/Shanghai",
      { ...parseMeetingFilters({ q: TAG }), sort: "title", dir: "asc" },
      { limit: 5 },
    );
    const other = await listMeetingsByCursor(
      db,
      "Asia/Shanghai",
      { ...parseMeetingFilters({ q: TAG }), sort: "start", dir: "asc" },
      { cursor: byTitle!.nextCursor!, limit: 5 },
    );
    expect(other).toBeNull();
  });
});

// A weekly series on Mondays 10:00 Shanghai, 2026-11-30 … 2027-01-25 (9 occurrences), its
// 12/21 occurrence cancelled alone (as WeCom listed it); a daily series that ended on 12/03;
// a weekly one that ended on 11/23; one-offs on 12/22 and 12/23.
describe("a date range finds a series by its occurrences", () => {
  const STAG = `周期${Date.now().toString(36)}`;
  const at = (m: number, d: number, h = 2) => new Date(Date.UTC(2026, m - 1, d, h));
  let weekly = "";
  beforeAll(async () => {
    const base = {
      tenantId: h.tenant.id,
      appId: h.appId,
      durationSec: 3600,
      adminAccountId: h.account("lihua"),
      adminUserId: "lihua",
      status: "booked" as const,
    };
    const make = (key: string, title: string, extra: { startAt: Date }) =>
      h.db.meeting.create({
        data: { ...base, idempotencyKey: `${STAG}-${key}`, title: `${STAG} ${title}`, ...extra },
      });
    const repeat = (type: number, from: Date, until: Date) => ({
      startAt: from,
      isRepeat: true,
      repeatType: type,
      repeatInterval: type === 1 ? 1 : null,
      repeatUntil: until,
    });
    weekly = (
      await make("w", "周一例会", repeat(1, at(11, 30), new Date(Date.UTC(2027, 0, 25, 2))))
    ).id;
    await make("d", "每日站会", repeat(0, at(11, 20), at(12, 3)));
    await make("e", "已结束周会", repeat(1, at(11, 2), at(11, 23)));
    await make("o1", "单次一", { startAt: at(12, 22) });
    await make("o2", "单次二", { startAt: at(12, 23) });
    await h.db.meetingOccurrence.create({
      data: {
        tenantId: h.tenant.id,
        meetingId: weekly,
        subMeetingId: "900000000000021",
        startAt: at(12, 21),
        endAt: at(12, 21, 3),
        status: "cancelled",
        cancelledAt: at(12, 10),
      },
    });
    await h.db.meetingOccurrence.create({
      data: {
        tenantId: h.tenant.id,
        meetingId: weekly,
        subMeetingId: "900000000000028",
        startAt: at(12, 28),
        endAt: at(12, 28, 3),
        status: "booked",
      },
    });
  });
  const NOW_S = at(12, 15, 0);
  const titles = (rows: { title: string }[]) => rows.map((r) => r.title.slice(STAG.length + 1));
  const inRange = (from: string, to: string, extra: Record<string, string> = {}) =>
    list({ q: STAG, from, to, sort: "start", dir: "asc", ...extra }, { now: NOW_S });

  it("finds a series by a later occurrence in the range and shows that occurrence", async () => {
    // 12/28 is the 5th Monday of the series, which started on 11/30.
    const week = await inRange("2026-12-28", "2027-01-03");
    expect(titles(week.rows)).toEqual(["周一例会"]);
    const row = week.rows[0]!;
    expect(row.startAt).toBe(at(11, 30).getTime() / 1000);
    expect(row.series?.shown).toEqual({
      startAt: at(12, 28).getTime() / 1000,
      subMeetingId: "900000000000028",
      status: "booked",
    });
    // Not yet over on 12/15 and not cancelled: 12/28, 1/4, 1/11, 1/18, 1/25.
    expect(row.series?.remaining).toBe(5);
    // The HTTP API's pages go through the same filter.
    const api = await listMeetingsByCursor(
      scopeToTenant(h.db, h.tenant.id),
      "Asia/Shanghai",
      parseMeetingFilters({ q: STAG, from: "2026-12-28", to: "2027-01-03", sort: "start" }),
      { limit: 10 },
    );
    expect(titles(api!.rows)).toEqual(["周一例会"]);
  });

  it("does not find a series by a range between its occurrences, nor one that has ended", async () => {
    // Tuesday to Thursday of a week whose Monday the series holds.
    const midweek = await inRange("2026-12-29", "2026-12-31");
    expect(midweek.total).toBe(0);
    const early = await inRange("2026-11-24", "2026-11-29");
    expect(titles(early.rows)).toEqual(["每日站会"]);
  });

  it("does not count an occurrence cancelled alone, and shows the next one in the range", async () => {
    const monday = await inRange("2026-12-21", "2026-12-21");
    expect(monday.total).toBe(0);
    const week = await inRange("2026-12-21", "2026-12-28");
    expect(titles(week.rows)).toEqual(["周一例会", "单次一", "单次二"]);
    expect(week.rows[0]!.series?.shown?.startAt).toBe(at(12, 28).getTime() / 1000);
    // Without a range, a series shows its next occurrence not yet over; a one-off has none.
    const all = await list({ q: STAG, sort: "start", dir: "asc" }, { now: NOW_S });
    const next = all.rows.find((r) => r.id === weekly)!;
    expect(next.series?.shown).toEqual({
      startAt: at(12, 21).getTime() / 1000 + 7 * 86_400,
      subMeetingId: "900000000000028",
      status: "booked",
    });
    expect(all.rows.find((r) => r.title.endsWith("单次一"))?.series).toBeNull();
  });

  it("counts and pages the series with the one-offs", async () => {
    const filters = {
      ...parseMeetingFilters({ q: STAG, from: "2026-12-01", to: "2026-12-31" }),
      size: 2 as MeetingFilters["size"],
      sort: "start" as const,
      dir: "asc" as const,
    };
    const pages = [];
    for (const page of [1, 2]) {
      const got = await listMeetings(scopeToTenant(h.db, h.tenant.id), "Asia/Shanghai", {
        ...filters,
        page,
      });
      expect([got.total, got.pageCount]).toEqual([4, 2]);
      pages.push(titles(got.rows));
    }
    expect(pages).toEqual([
      ["每日站会", "周一例会"],
      ["单次一", "单次二"],
    ]);
  });
});

describe("meeting filters from the URL", () => {
  it("falls back to defaults on nonsense", () => {
    expect(
      parseMeetingFilters({
        status: "booked,bogus",
        from: "2026-02-30",
        sort: "x",
        mine: "yes",
        dir: "up",
        page: "-3",
        size: "7",
      }),
    ).toEqual({ ...DEFAULT_FILTERS, status: ["booked"] });
  });

  it("keeps a column sort and 「我预约的」 in the URL, and leaves the default order out", () => {
    expect(meetingFiltersToSearch(DEFAULT_FILTERS)).toBe("");
    const chosen: MeetingFilters = { ...DEFAULT_FILTERS, sort: "title", dir: "asc", mine: true };
    const search = meetingFiltersToSearch(chosen);
    expect(search).toBe("mine=1&sort=title&dir=asc");
    expect(parseMeetingFilters(new URLSearchParams(search))).toEqual(chosen);
  });
});
