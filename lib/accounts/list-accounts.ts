import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { AccountFilters } from "@/lib/schemas/account-filters";

// The accounts list: one page of the tenant's OA accounts under the URL's filters, searched,
// sorted and paged in the database. The default order, by department then job number, reads
// the (tenantId, department, jobNumber) index; the text search is a LIKE over at most the
// tenant's accounts and their mappings (by oaAccountId), which stays in milliseconds at
// 10,000 accounts (scripts/bench/accounts.ts).

export interface AccountMappingView {
  corpRowId: string;
  corpName: string;
  wecomUserId: string;
  verifyStatus: string | null;
  /** Unix seconds. */
  verifiedAt: number | null;
  verifiedAppName: string | null;
}

export interface AccountListRow {
  id: string;
  name: string;
  jobNumber: string | null;
  email: string | null;
  mobile: string | null;
  department: string | null;
  active: boolean;
  mappings: AccountMappingView[];
}

export interface AccountListPage {
  rows: AccountListRow[];
  total: number;
  page: number;
  pageCount: number;
}

const PROBLEMS = ["not_found", "out_of_range"];

export function accountWhere(f: AccountFilters) {
  const verify =
    f.verify === ""
      ? {}
      : f.verify === "unmapped"
        ? { mappings: { none: {} } }
        : f.verify === "unverified"
          ? { mappings: { some: { verifyStatus: null } } }
          : f.verify === "problem"
            ? { mappings: { some: { verifyStatus: { in: PROBLEMS } } } }
            : { mappings: { some: { verifyStatus: f.verify } } };
  const text = f.q
    ? {
        OR: [
          { name: { contains: f.q } },
          { jobNumber: { contains: f.q } },
          { email: { contains: f.q } },
          { mappings: { some: { wecomUserId: { contains: f.q } } } },
        ],
      }
    : {};
  return {
    ...(f.state === "all" ? {} : { active: f.state === "active" }),
    ...verify,
    ...text,
  };
}

function orderBy(f: AccountFilters) {
  const dir = f.dir;
  switch (f.sort) {
    case "department":
      return [{ department: dir }, { jobNumber: dir }, { id: dir }];
    case "jobNumber":
      return [{ jobNumber: dir }, { id: dir }];
    case "name":
      return [{ name: dir }, { id: dir }];
    case "updated":
      return [{ updatedAt: dir }, { id: dir }];
  }
}

export const MAPPING_VIEW_SELECT = {
  corpRowId: true,
  wecomUserId: true,
  verifyStatus: true,
  verifiedAt: true,
  verifiedAppId: true,
  corp: { select: { name: true } },
} as const;

type MappingRow = {
  corpRowId: string;
  wecomUserId: string;
  verifyStatus: string | null;
  verifiedAt: Date | null;
  verifiedAppId: string | null;
  corp: { name: string };
};

export function toMappingView(
  m: MappingRow,
  appNames: ReadonlyMap<string, string>,
): AccountMappingView {
  return {
    corpRowId: m.corpRowId,
    corpName: m.corp.name,
    wecomUserId: m.wecomUserId,
    verifyStatus: m.verifyStatus,
    verifiedAt: m.verifiedAt ? Math.floor(m.verifiedAt.getTime() / 1000) : null,
    verifiedAppName: m.verifiedAppId ? (appNames.get(m.verifiedAppId) ?? null) : null,
  };
}

export async function appNames(db: TenantDb): Promise<Map<string, string>> {
  const apps = await db.app.findMany({ select: { id: true, name: true } });
  return new Map(apps.map((a) => [a.id, a.name]));
}

export async function listAccounts(db: TenantDb, f: AccountFilters): Promise<AccountListPage> {
  const where = accountWhere(f);
  const [total, names] = await Promise.all([db.oaAccount.count({ where }), appNames(db)]);
  const pageCount = Math.max(1, Math.ceil(total / f.size));
  const page = Math.min(f.page, pageCount);
  const rows = await db.oaAccount.findMany({
    where,
    orderBy: orderBy(f),
    skip: (page - 1) * f.size,
    take: f.size,
    select: {
      id: true,
      name: true,
      jobNumber: true,
      email: true,
      mobile: true,
      department: true,
      active: true,
      mappings: { select: MAPPING_VIEW_SELECT, orderBy: { corpRowId: "asc" } },
    },
  });
  return {
    rows: rows.map((r) => ({ ...r, mappings: r.mappings.map((m) => toMappingView(m, names)) })),
    total,
    page,
    pageCount,
  };
}

export interface VerifySummary {
  mappings: number;
  ok: number;
  notFound: number;
  outOfRange: number;
  unverified: number;
  /** Unix seconds of the latest verification, if any. */
  lastVerifiedAt: number | null;
}

export async function verifySummary(db: TenantDb): Promise<VerifySummary> {
  const [groups, last] = await Promise.all([
    db.mapping.groupBy({ by: ["verifyStatus"], _count: { _all: true } }),
    db.mapping.aggregate({ _max: { verifiedAt: true } }),
  ]);
  const count = (s: string | null) => groups.find((g) => g.verifyStatus === s)?._count._all ?? 0;
  const max = last._max.verifiedAt;
  return {
    mappings: groups.reduce((n, g) => n + g._count._all, 0),
    ok: count("ok"),
    notFound: count("not_found"),
    outOfRange: count("out_of_range"),
    unverified: count(null),
    lastVerifiedAt: max ? Math.floor(max.getTime() / 1000) : null,
  };
}
