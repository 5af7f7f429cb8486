// The accounts list's filters as they live in the URL (/settings/accounts?q=…&verify=…),
// so that a link reproduces a view. Client-safe, and free of zod (./url-params.ts). A bad
// parameter falls back to its default.
import { oneOf, oneParam as one, pageNumber, trimmedText, type Params } from "./url-params";

export const ACCOUNT_STATES = ["all", "active", "inactive"] as const;
export const VERIFY_FILTERS = [
  "",
  "problem",
  "not_found",
  "out_of_range",
  "ok",
  "unverified",
  "unmapped",
] as const;
export const ACCOUNT_SORTS = ["department", "jobNumber", "name", "updated"] as const;
export const ACCOUNT_PAGE_SIZES = [25, 50, 100] as const;

export interface AccountFilters {
  /** name, job number, email or WeCom userid (contains) */
  q?: string;
  state: (typeof ACCOUNT_STATES)[number];
  verify: (typeof VERIFY_FILTERS)[number];
  sort: (typeof ACCOUNT_SORTS)[number];
  dir: "asc" | "desc";
  page: number;
  size: (typeof ACCOUNT_PAGE_SIZES)[number];
}

export const DEFAULT_ACCOUNT_FILTERS: AccountFilters = {
  state: "all",
  verify: "",
  sort: "department",
  dir: "asc",
  page: 1,
  size: 50,
};

export function parseAccountFilters(params: Params): AccountFilters {
  const d = DEFAULT_ACCOUNT_FILTERS;
  const size = Number(one(params, "size"));
  return {
    q: trimmedText(one(params, "q"), 100),
    state: oneOf(ACCOUNT_STATES, one(params, "state")) ?? d.state,
    verify: oneOf(VERIFY_FILTERS, one(params, "verify")) ?? d.verify,
    sort: oneOf(ACCOUNT_SORTS, one(params, "sort")) ?? d.sort,
    dir: oneOf(["asc", "desc"], one(params, "dir")) ?? d.dir,
    page: pageNumber(one(params, "page")) ?? 1,
    size: ACCOUNT_PAGE_SIZES.find((s) => s === size) ?? d.size,
  };
}

/** The URL search string of `f`, leaving defaults out. */
export function accountFiltersToSearch(f: AccountFilters): string {
  const d = DEFAULT_ACCOUNT_FILTERS;
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  if (f.state !== d.state) p.set("state", f.state);
  if (f.verify !== d.verify) p.set("verify", f.verify);
  if (f.sort !== d.sort) p.set("sort", f.sort);
  if (f.dir !== d.dir) p.set("dir", f.dir);
  if (f.page !== 1) p.set("page", String(f.page));
  if (f.size !== d.size) p.set("size", String(f.size));
  return p.toString();
}

export function hasNarrowingAccountFilters(f: AccountFilters): boolean {
  return Boolean(f.q || f.state !== "all" || f.verify);
}
