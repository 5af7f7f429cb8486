// The meetings list's filters as they live in the URL, so that a link reproduces a view.
// Client-safe, and free of zod (./url-params.ts). A bad parameter falls back to its
// default instead of failing the page.
import {
  allParams as all,
  oneOf,
  oneParam as one,
  pageNumber,
  trimmedText,
  type Params,
} from "./url-params";
import { parseCivilDate } from "./wall-clock";

export const FILTER_STATUSES = [
  "booked",
  "in_progress",
  "ended",
  "cancelled",
  "expired",
  "failed",
  "needs_reconciliation",
] as const;
export type FilterStatus = (typeof FILTER_STATUSES)[number];

/** "upcoming" (the default): meetings in progress and to come first, soonest start on top,
 * then past ones, most recent first (lib/meetings/list-meetings.ts). The others are plain
 * column sorts. */
export const SORT_FIELDS = ["upcoming", "start", "title", "status"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

export interface MeetingFilters {
  status: FilterStatus[];
  /** YYYY-MM-DD in the tenant's time zone, inclusive. */
  from?: string;
  to?: string;
  appId?: string;
  adminId?: string;
  inviteeId?: string;
  q?: string;
  /** Only the meetings the signed-in person booked (「我预约的」). */
  mine?: boolean;
  sort: SortField;
  dir: "asc" | "desc";
  page: number;
  size: (typeof PAGE_SIZES)[number];
}

export const DEFAULT_FILTERS: MeetingFilters = {
  status: [],
  sort: "upcoming",
  dir: "desc",
  page: 1,
  size: 25,
};

const id = (v: string | undefined) => trimmedText(v, 64);
const date = (v: string | undefined) =>
  v !== undefined && parseCivilDate(v) !== undefined ? v : undefined;
const q = (v: string | undefined) => trimmedText(v, 100);

export function parseMeetingFilters(params: Params): MeetingFilters {
  const status = [
    ...new Set(
      all(params, "status")
        .flatMap((s) => s.split(","))
        .filter((s): s is FilterStatus => (FILTER_STATUSES as readonly string[]).includes(s)),
    ),
  ];
  const sort = oneOf(SORT_FIELDS, one(params, "sort")) ?? DEFAULT_FILTERS.sort;
  const dir = oneOf(["asc", "desc"], one(params, "dir")) ?? DEFAULT_FILTERS.dir;
  const page = pageNumber(one(params, "page")) ?? 1;
  const sizeNum = Number(one(params, "size"));
  const size = PAGE_SIZES.find((s) => s === sizeNum) ?? DEFAULT_FILTERS.size;
  return {
    status,
    from: date(one(params, "from")),
    to: date(one(params, "to")),
    appId: id(one(params, "appId")),
    adminId: id(one(params, "adminId")),
    inviteeId: id(one(params, "inviteeId")),
    q: q(one(params, "q")),
    ...(one(params, "mine") === "1" ? { mine: true } : {}),
    sort,
    dir,
    page,
    size,
  };
}

/** The URL search string of `filters`, leaving defaults out. */
export function meetingFiltersToSearch(filters: MeetingFilters): string {
  const p = new URLSearchParams();
  if (filters.status.length) p.set("status", filters.status.join(","));
  for (const key of ["from", "to", "appId", "adminId", "inviteeId", "q"] as const) {
    const v = filters[key];
    if (v) p.set(key, v);
  }
  if (filters.mine) p.set("mine", "1");
  if (filters.sort !== DEFAULT_FILTERS.sort) p.set("sort", filters.sort);
  if (filters.dir !== DEFAULT_FILTERS.dir) p.set("dir", filters.dir);
  if (filters.page !== 1) p.set("page", String(filters.page));
  if (filters.size !== DEFAULT_FILTERS.size) p.set("size", String(filters.size));
  return p.toString();
}

/** Whether anything narrows the list (for the "no match" empty state). */
export function hasNarrowingFilters(f: MeetingFilters): boolean {
  return Boolean(
    f.status.length || f.from || f.to || f.appId || f.adminId || f.inviteeId || f.q || f.mine,
  );
}
