// The meetings list on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is
// set): filters, sorting and pagination happen in the query, scoped to the tenant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeToTenant } from "@/lib/db/tenant-scope";
import { env } from "@/lib/env.js";
import { DEFAULT_FILTERS, parseMeetingFilters } from "@/lib/schemas/meeting-filters";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";
import { listMeetings, meetingsForExport } from "./list-meetings";

let h: MeetingHarness;
const TAG = `列表${Date.now().toString(36)}`;

beforeAll(async () => {
  h = await startMeetingHarness();
  // 2026-12-01 … 2026-12-12, 09:00 Shanghai (01:00 UTC); every third one cancelled.
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
      status: i % 3 === 2 ? ("cancelled" as const) : ("booked" as const),
      syncState: i === 0 ? ("needs_reconciliation" as const) : ("in_sync" as const),
    })),
  });
});
afterAll(async () => {
  await h?.close();
});

const list = (params: Record<string, string>) =>
  listMeetings(
    scopeToTenant(h.db, h.tenant.id),
    "Asia/Shanghai",
    parseMeetingFilters({ q: TAG, ...params }),
  );

describe(`listing meetings (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("pages in the database, sorted by start descending by default", async () => {
    const first = await list({});
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
    const range = await list({ from: "2026-12-03", to: "2026-12-04", dir: "asc" });
    expect(range.rows.map((r) => r.title.slice(-2))).toEqual(["03", "04"]);
    expect((await list({ status: "booked", from: "2026-12-03", to: "2026-12-06" })).total).toBe(2);
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
    expect(rows).toHaveLength(8);
  });
});

describe("meeting filters from the URL", () => {
  it("falls back to defaults on nonsense", () => {
    expect(
      parseMeetingFilters({
        status: "booked,bogus",
        from: "2026-02-30",
        sort: "x",
        dir: "up",
        page: "-3",
        size: "7",
      }),
    ).toEqual({ ...DEFAULT_FILTERS, status: ["booked"] });
  });
});
