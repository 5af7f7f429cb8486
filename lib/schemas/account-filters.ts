// The accounts list's filters as they live in the URL (/settings/accounts?q=…&verify=…),
// so that a link reproduces a view. Client-safe. A bad parameter falls back to its default.
import { z } from "zod";

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

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function one(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

function opt<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

export function parseAccountFilters(params: Params): AccountFilters {
  const d = DEFAULT_ACCOUNT_FILTERS;
  const size = Number(one(params, "size"));
  return {
    q: opt(z.string().trim().min(1).max(100), one(params, "q")),
    state: opt(z.enum(ACCOUNT_STATES), one(params, "state")) ?? d.state,
    verify: opt(z.enum(VERIFY_FILTERS), one(params, "verify")) ?? d.verify,
    sort: opt(z.enum(ACCOUNT_SORTS), one(params, "sort")) ?? d.sort,
    dir: opt(z.enum(["asc", "desc"]), one(params, "dir")) ?? d.dir,
    page: opt(z.coerce.number().int().min(1).max(1_000_000), one(params, "page")) ?? 1,
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
