import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { MeetingFilters, SortField } from "@/lib/schemas/meeting-filters";
import { parseCivilDate, wallClockOfDay } from "@/lib/schemas/wall-clock";
import { DURATION_MAX_SEC } from "@/lib/wecom/rules";
import { seriesOfRows, type ListSeries } from "./list-series";
import { SERIES_SELECT, seriesInRangeWhere, type StartRange } from "./series-in-range";
import type { MeetingStatusName } from "./status";

// The meetings list: one page of the tenant's meetings under the URL's filters, sorted
// and paginated in the database (the (tenantId,status,startAt) and (tenantId,startAt)
// indexes serve the sorts by start, the default "upcoming first" one included). A date
// range finds a one-off by its start and a series by any occurrence it has there
// (series-in-range.ts); a series keeps its place in the order by its first start.

export interface MeetingListRow {
  id: string;
  title: string;
  /** Unix seconds. */
  startAt: number;
  durationSec: number;
  status: MeetingStatusName;
  needsReconciliation: boolean;
  wecomMeetingId: string | null;
  meetingCode: string | null;
  createdById: string | null;
  /** Who booked it in MeetBridge (null: an API key, or adopted from WeCom). */
  bookedBy: string | null;
  app: { id: string; name: string };
  admin: { id: string; name: string };
  /** A series: the first occurrences WeCom reported cancelled (Unix seconds), at most 5. */
  cancelledOccurrences: number[];
  /** A series: its rule, the occurrence the row stands for, what cancelling it takes. */
  series: ListSeries | null;
}

export interface MeetingListPage {
  rows: MeetingListRow[];
  total: number;
  page: number;
  pageCount: number;
}

const SELECT = {
  id: true,
  title: true,
  startAt: true,
  durationSec: true,
  status: true,
  syncState: true,
  wecomMeetingId: true,
  meetingCode: true,
  createdById: true,
  createdBy: { select: { name: true } },
  app: { select: { id: true, name: true } },
  admin: { select: { id: true, name: true } },
  isRepeat: true,
  ...SERIES_SELECT,
  occurrences: {
    where: { status: "cancelled" },
    select: { startAt: true },
    orderBy: { startAt: "asc" },
    take: 5,
  },
} as const;

type Selected = {
  id: string;
  title: string;
  startAt: Date;
  durationSec: number;
  status: MeetingStatusName;
  syncState: string;
  wecomMeetingId: string | null;
  meetingCode: string | null;
  createdById: string | null;
  createdBy: { name: string } | null;
  app: { id: string; name: string };
  admin: { id: string; name: string };
  occurrences: { startAt: Date }[];
  isRepeat: boolean;
  repeatType: number | null;
  repeatInterval: number | null;
  repeatUntil: Date | null;
  settings: unknown;
};

function toRow(m: Selected, series?: Map<string, ListSeries>): MeetingListRow {
  return {
    id: m.id,
    title: m.title,
    startAt: Math.floor(m.startAt.getTime() / 1000),
    durationSec: m.durationSec,
    status: m.status,
    needsReconciliation: m.syncState === "needs_reconciliation",
    wecomMeetingId: m.wecomMeetingId,
    meetingCode: m.meetingCode,
    createdById: m.createdById,
    bookedBy: m.createdBy?.name ?? null,
    app: m.app,
    admin: m.admin,
    cancelledOccurrences: m.occurrences.map((o) => Math.floor(o.startAt.getTime() / 1000)),
    series: series?.get(m.id) ?? null,
  };
}

/** The rows of a page, a series with its occurrence in the range (or its next one). */
async function toRows(
  db: TenantDb,
  timeZone: string,
  rows: Selected[],
  range: StartRange | null,
  now: Date,
): Promise<MeetingListRow[]> {
  const series = await seriesOfRows(db, timeZone, rows, range, now);
  return rows.map((m) => toRow(m, series));
}

/** Start of a civil day in `timeZone`, as a Date. */
function dayStart(day: string, timeZone: string, plusDays = 0): Date | undefined {
  const d = parseCivilDate(day);
  if (!d) return undefined;
  const next = new Date(Date.UTC(d.y, d.m - 1, d.d + plusDays));
  const civil = { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
  return new Date(wallClockOfDay(civil, 0, timeZone) * 1000);
}

/** Who is looking and when: 「我预约的」 needs a signed-in person (an API key has none);
 * "upcoming" is measured from `now` (default: the present). */
export interface ListViewer {
  userId?: string | null;
  now?: Date;
}

/** The filters' date range, midnight to midnight in the zone; null without one. */
export function startRange(timeZone: string, f: MeetingFilters): StartRange | null {
  const gte = f.from ? dayStart(f.from, timeZone) : undefined;
  const lt = f.to ? dayStart(f.to, timeZone, 1) : undefined;
  return gte || lt ? { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) } : null;
}

/** Every filter but the date range. */
function filterWhere(f: MeetingFilters, viewer?: ListViewer) {
  const statuses = f.status.filter((s) => s !== "needs_reconciliation");
  return {
    ...(statuses.length ? { status: { in: statuses } } : {}),
    ...(f.status.includes("needs_reconciliation")
      ? { syncState: "needs_reconciliation" as const }
      : {}),
    ...(f.appId ? { appId: f.appId } : {}),
    ...(f.adminId ? { adminAccountId: f.adminId } : {}),
    ...(f.inviteeId
      ? { participants: { some: { role: "invitee" as const, oaAccountId: f.inviteeId } } }
      : {}),
    ...(f.q ? { title: { contains: f.q } } : {}),
    // Nobody signed in has booked nothing: no rows rather than every row.
    ...(f.mine ? (viewer?.userId ? { createdById: viewer.userId } : { id: { in: [] } }) : {}),
  };
}

/**
 * The list's filters as one where clause. A date range finds a one-off by its start and
 * a series by an occurrence there (one query to find those series first).
 */
export async function meetingWhere(
  db: TenantDb,
  timeZone: string,
  f: MeetingFilters,
  viewer?: ListViewer,
) {
  const base = filterWhere(f, viewer);
  const range = startRange(timeZone, f);
  if (!range) return base;
  const series = await seriesInRangeWhere(db, timeZone, base, range);
  return { AND: [base, { OR: [{ isRepeat: false, startAt: range }, series] }] };
}

type Where = Awaited<ReturnType<typeof meetingWhere>>;
type ColumnSort = Exclude<SortField, "upcoming">;

export function meetingOrderBy(f: { sort: ColumnSort; dir: "asc" | "desc" }) {
  const field = f.sort === "start" ? "startAt" : f.sort;
  // id breaks ties so that pages never overlap or skip rows.
  return [{ [field]: f.dir }, ...(field === "startAt" ? [] : [{ startAt: f.dir }]), { id: f.dir }];
}

/**
 * The default order, as three parts read in turn, each a plain range on start that the
 * (tenantId,startAt) and (tenantId,status,startAt) indexes serve:
 * 1. meetings WeCom reports in progress that started less than the longest meeting ago
 *    (an older "in progress" is a status not yet refreshed: it goes with the past);
 * 2. meetings starting from now on; both by start ascending (soonest on top);
 * 3. the rest, by start descending (most recent first).
 * Counted as 1, 2 and (all before now − 1): ranges only, no scan of rows.
 */
function orderParts(where: Where, f: MeetingFilters, now: Date) {
  if (f.sort !== "upcoming")
    return { parts: [{ where: { AND: [where] }, sort: f.sort, dir: f.dir }], past: null };
  const recent = new Date(now.getTime() - DURATION_MAX_SEC * 1000);
  const inProgress = { status: "in_progress" as const, startAt: { gte: recent, lt: now } };
  return {
    parts: [
      { where: { AND: [where, inProgress] }, sort: "start" as const, dir: "asc" as const },
      {
        where: { AND: [where, { startAt: { gte: now } }] },
        sort: "start" as const,
        dir: "asc" as const,
      },
      {
        where: { AND: [where, { startAt: { lt: now } }, { NOT: inProgress }] },
        sort: "start" as const,
        dir: "desc" as const,
      },
    ],
    past: { AND: [where, { startAt: { lt: now } }] },
  };
}

async function countParts(db: TenantDb, plan: ReturnType<typeof orderParts>) {
  if (!plan.past) return [await db.meeting.count({ where: plan.parts[0]!.where })];
  const [inProgress, upcoming, past] = await Promise.all([
    db.meeting.count({ where: plan.parts[0]!.where }),
    db.meeting.count({ where: plan.parts[1]!.where }),
    db.meeting.count({ where: plan.past }),
  ]);
  return [inProgress, upcoming, past - inProgress];
}

const flip = (dir: "asc" | "desc") => (dir === "asc" ? "desc" : "asc");

export async function listMeetings(
  db: TenantDb,
  timeZone: string,
  filters: MeetingFilters,
  viewer?: ListViewer,
): Promise<MeetingListPage> {
  const now = viewer?.now ?? new Date();
  const where = await meetingWhere(db, timeZone, filters, viewer);
  const plan = orderParts(where, filters, now);
  const counts = await countParts(db, plan);
  const total = counts.reduce((a, b) => a + b, 0);
  const pageCount = Math.max(1, Math.ceil(total / filters.size));
  const page = Math.min(filters.page, pageCount);
  let skip = (page - 1) * filters.size;
  let want = Math.min(filters.size, Math.max(0, total - skip));
  const rows: Selected[] = [];
  for (const [i, part] of plan.parts.entries()) {
    const count = counts[i]!;
    if (want > 0 && skip < count) {
      const take = Math.min(want, count - skip);
      // Past the middle, read from the other end: a large OFFSET costs a scan of every row
      // it skips, and the last pages are the ones people jump to.
      const fromEnd = skip > count / 2;
      const got = await db.meeting.findMany({
        where: part.where,
        orderBy: meetingOrderBy({ sort: part.sort, dir: fromEnd ? flip(part.dir) : part.dir }),
        skip: fromEnd ? count - skip - take : skip,
        take,
        select: SELECT,
      });
      if (fromEnd) got.reverse();
      rows.push(...got);
      want -= got.length;
    }
    skip = Math.max(0, skip - count);
  }
  return {
    rows: await toRows(db, timeZone, rows, startRange(timeZone, filters), now),
    total,
    page,
    pageCount,
  };
}

const EXPORT_BATCH = 1000;

/** Every meeting under `filters` in list order, in batches (keyset on the sort is not
 * needed: the export is bounded and offset batches keep the order stable by id). */
export async function* meetingsForExport(
  db: TenantDb,
  timeZone: string,
  filters: MeetingFilters,
  viewer?: ListViewer,
): AsyncGenerator<MeetingListRow[]> {
  const now = viewer?.now ?? new Date();
  const where = await meetingWhere(db, timeZone, filters, viewer);
  const range = startRange(timeZone, filters);
  for (const part of orderParts(where, filters, now).parts) {
    for (let skip = 0; ; skip += EXPORT_BATCH) {
      const batch = await db.meeting.findMany({
        where: part.where,
        orderBy: meetingOrderBy(part),
        skip,
        take: EXPORT_BATCH,
        select: SELECT,
      });
      if (batch.length) yield await toRows(db, timeZone, batch, range, now);
      if (batch.length < EXPORT_BATCH) break;
    }
  }
}

// Cursor pages (the HTTP API): keyset pagination on the sort, so a page deep into the list
// costs what the first does and rows booked meanwhile never shift a page. The cursor is
// opaque to the caller: the last row's sort keys, base64url JSON.

/** The sorts a cursor can follow (status is an enum: no range filter in Prisma). */
export const CURSOR_SORTS = ["start", "title"] as const;
export type CursorSort = (typeof CURSOR_SORTS)[number];

export interface MeetingCursorPage {
  rows: MeetingListRow[];
  /** Pass it back for the next page; null on the last one. */
  nextCursor: string | null;
}

interface CursorKeys {
  s: CursorSort;
  d: "asc" | "desc";
  /** The last row's keys in sort order: title (title sort), start (ISO), id. */
  k: string[];
}

function encodeCursor(keys: CursorKeys): string {
  return Buffer.from(JSON.stringify(keys)).toString("base64url");
}

function decodeCursor(cursor: string): CursorKeys | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorKeys;
    const ok =
      (CURSOR_SORTS as readonly string[]).includes(v.s) &&
      (v.d === "asc" || v.d === "desc") &&
      Array.isArray(v.k) &&
      v.k.length === (v.s === "title" ? 3 : 2) &&
      v.k.every((x) => typeof x === "string") &&
      !Number.isNaN(Date.parse(v.k[v.k.length - 2]!));
    return ok ? v : null;
  } catch {
    return null;
  }
}

/** Rows strictly after `keys` in (field…, id) order: (a > x) or (a = x and b > y) or …. */
function afterKeys(keys: CursorKeys) {
  const op = keys.d === "asc" ? "gt" : "lt";
  const fields: [string, unknown][] = [
    ...(keys.s === "title" ? ([["title", keys.k[0]]] as [string, unknown][]) : []),
    ["startAt", new Date(keys.k[keys.k.length - 2]!)],
    ["id", keys.k[keys.k.length - 1]],
  ];
  return {
    OR: fields.map(([field, value], i) => ({
      ...Object.fromEntries(fields.slice(0, i).map(([f, v]) => [f, v])),
      [field]: { [op]: value },
    })),
  };
}

/**
 * One cursor page of the tenant's meetings under `filters` (their sort must be a
 * CURSOR_SORTS one; page and size are ignored). Null when the cursor is not one this
 * function gave for the same sort.
 */
export async function listMeetingsByCursor(
  db: TenantDb,
  timeZone: string,
  filters: MeetingFilters,
  opts: { cursor?: string; limit: number },
): Promise<MeetingCursorPage | null> {
  const sort = filters.sort as CursorSort;
  if (!(CURSOR_SORTS as readonly string[]).includes(sort)) return null;
  const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
  if (after === null || (after && (after.s !== sort || after.d !== filters.dir))) return null;
  const where = await meetingWhere(db, timeZone, filters);
  const rows = await db.meeting.findMany({
    where: after ? { AND: [where, afterKeys(after)] } : where,
    orderBy: meetingOrderBy({ sort, dir: filters.dir }),
    take: opts.limit + 1,
    select: SELECT,
  });
  const more = rows.length > opts.limit;
  const page = more ? rows.slice(0, opts.limit) : rows;
  const last = page[page.length - 1];
  const nextCursor =
    more && last
      ? encodeCursor({
          s: sort,
          d: filters.dir,
          k: [...(sort === "title" ? [last.title] : []), last.startAt.toISOString(), last.id],
        })
      : null;
  return {
    rows: await toRows(db, timeZone, page, startRange(timeZone, filters), new Date()),
    nextCursor,
  };
}
