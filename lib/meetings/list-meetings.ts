import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { MeetingFilters } from "@/lib/schemas/meeting-filters";
import { parseCivilDate, wallClockOfDay } from "@/lib/schemas/wall-clock";
import type { MeetingStatusName } from "./status";

// The meetings list: one page of the tenant's meetings under the URL's filters, sorted
// and paginated in the database (the (tenantId,status,startAt) and (tenantId,startAt)
// indexes serve the default sort by start).

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
  app: { id: string; name: string };
  admin: { id: string; name: string };
  /** A series: the first occurrences WeCom reported cancelled (Unix seconds), at most 5. */
  cancelledOccurrences: number[];
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
  app: { select: { id: true, name: true } },
  admin: { select: { id: true, name: true } },
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
  app: { id: string; name: string };
  admin: { id: string; name: string };
  occurrences: { startAt: Date }[];
};

function toRow(m: Selected): MeetingListRow {
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
    app: m.app,
    admin: m.admin,
    cancelledOccurrences: m.occurrences.map((o) => Math.floor(o.startAt.getTime() / 1000)),
  };
}

/** Start of a civil day in `timeZone`, as a Date. */
function dayStart(day: string, timeZone: string, plusDays = 0): Date | undefined {
  const d = parseCivilDate(day);
  if (!d) return undefined;
  const next = new Date(Date.UTC(d.y, d.m - 1, d.d + plusDays));
  const civil = { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
  return new Date(wallClockOfDay(civil, 0, timeZone) * 1000);
}

export function meetingWhere(timeZone: string, f: MeetingFilters) {
  const statuses = f.status.filter((s) => s !== "needs_reconciliation");
  const gte = f.from ? dayStart(f.from, timeZone) : undefined;
  const lt = f.to ? dayStart(f.to, timeZone, 1) : undefined;
  return {
    ...(statuses.length ? { status: { in: statuses } } : {}),
    ...(f.status.includes("needs_reconciliation")
      ? { syncState: "needs_reconciliation" as const }
      : {}),
    ...(gte || lt ? { startAt: { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) } } : {}),
    ...(f.appId ? { appId: f.appId } : {}),
    ...(f.adminId ? { adminAccountId: f.adminId } : {}),
    ...(f.inviteeId
      ? { participants: { some: { role: "invitee" as const, oaAccountId: f.inviteeId } } }
      : {}),
    ...(f.q ? { title: { contains: f.q } } : {}),
  };
}

export function meetingOrderBy(f: MeetingFilters) {
  const field = f.sort === "start" ? "startAt" : f.sort;
  // id breaks ties so that pages never overlap or skip rows.
  return [{ [field]: f.dir }, ...(field === "startAt" ? [] : [{ startAt: f.dir }]), { id: f.dir }];
}

export async function listMeetings(
  db: TenantDb,
  timeZone: string,
  filters: MeetingFilters,
): Promise<MeetingListPage> {
  const where = meetingWhere(timeZone, filters);
  const total = await db.meeting.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / filters.size));
  const page = Math.min(filters.page, pageCount);
  const skip = (page - 1) * filters.size;
  const take = Math.min(filters.size, Math.max(0, total - skip));
  // Past the middle, read from the other end: a large OFFSET costs a scan of every row
  // it skips, and the last pages are the ones people jump to.
  const fromEnd = skip > total / 2;
  const rows = await db.meeting.findMany({
    where,
    orderBy: meetingOrderBy(
      fromEnd ? { ...filters, dir: filters.dir === "asc" ? "desc" : "asc" } : filters,
    ),
    skip: fromEnd ? total - skip - take : skip,
    take,
    select: SELECT,
  });
  if (fromEnd) rows.reverse();
  return { rows: rows.map(toRow), total, page, pageCount };
}

const EXPORT_BATCH = 1000;

/** Every meeting under `filters` in list order, in batches (keyset on the sort is not
 * needed: the export is bounded and offset batches keep the order stable by id). */
export async function* meetingsForExport(
  db: TenantDb,
  timeZone: string,
  filters: MeetingFilters,
): AsyncGenerator<MeetingListRow[]> {
  const where = meetingWhere(timeZone, filters);
  for (let skip = 0; ; skip += EXPORT_BATCH) {
    const batch = await db.meeting.findMany({
      where,
      orderBy: meetingOrderBy(filters),
      skip,
      take: EXPORT_BATCH,
      select: SELECT,
    });
    if (batch.length) yield batch.map(toRow);
    if (batch.length < EXPORT_BATCH) return;
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
  const where = meetingWhere(timeZone, filters);
  const rows = await db.meeting.findMany({
    where: after ? { AND: [where, afterKeys(after)] } : where,
    orderBy: meetingOrderBy(filters),
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
  return { rows: page.map(toRow), nextCursor };
}
