// The meetings list's server time on DATABASE_URL (seed it with
// `npm run db:seed:meetings -- 100000`): (a) the first page under a status and date
// filter, (b) the last page unfiltered. Prints p50/p95 over 20 runs after a warm-up.
import { createDb } from "../../lib/db/client.ts";
import { scopeToTenant } from "../../lib/db/tenant-scope.ts";
import { listMeetings } from "../../lib/meetings/list-meetings.ts";
import { parseMeetingFilters } from "../../lib/schemas/meeting-filters.ts";
import { DEMO_TENANT_SLUG } from "../../prisma/seed/demo.ts";
import { summary } from "./stats.ts";

const RUNS = 20;
const db = createDb();
try {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  const tdb = scopeToTenant(db, tenant.id);
  const total = await tdb.meeting.count();
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const cases = {
    "first page, status + date filter": parseMeetingFilters({
      status: "ended",
      from: monthAgo,
      to: today,
    }),
    "first page, no filter (upcoming first)": parseMeetingFilters({}),
    "last page, no filter": parseMeetingFilters({ page: "1000000" }),
  };
  console.log(`${total} meetings in the demo tenant (${process.env.DATABASE_URL?.split(":")[0]})`);
  for (const [name, filters] of Object.entries(cases)) {
    await listMeetings(tdb, tenant.timeZone, filters);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const page = await listMeetings(tdb, tenant.timeZone, filters);
      times.push(performance.now() - t0);
      rows = page.rows.length;
    }
    const s = summary(times);
    console.log(
      `${name}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (${rows} rows, n=${s.n})`,
    );
  }
} finally {
  await db.$disconnect();
}
