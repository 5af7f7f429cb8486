// Who can be picked in the booking form for an app: OA accounts mapped in the app's
// corp, with those WeCom is known to refuse marked (shown disabled, with why): outside
// the app's visible range or unknown to WeCom, by the app's last check or the mapping's
// last verification (bookingBlock). Searched on the server, so 10,000 accounts stay fast.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { bookingBlock, type BookingAppFacts, type MappingFacts } from "@/lib/apps/visible-range";

export type BlockedReason = "out_of_range" | "not_found" | "not_mapped";

export interface BookableAccount {
  id: string;
  name: string;
  jobNumber: string | null;
  department: string | null;
  userId: string | null;
  blocked?: BlockedReason;
}

/** What bookingBlock() reads of a mapping. */
export const MAPPING_FACTS = {
  wecomUserId: true,
  verifyStatus: true,
  verifiedAt: true,
  verifiedAppId: true,
} as const;

/** An account with its mapping in the app's corp. */
const accountSelect = (corpRowId: string) =>
  ({
    id: true,
    name: true,
    jobNumber: true,
    department: true,
    mappings: { where: { corpRowId }, select: MAPPING_FACTS },
  }) as const;

async function appOf(db: TenantDb, appId: string) {
  return db.app.findFirst({
    where: { id: appId },
    select: {
      id: true,
      name: true,
      corpRowId: true,
      visibleRange: true,
      permissionCheckedAt: true,
    },
  });
}

function toBookable(
  a: { id: string; name: string; jobNumber: string | null; department: string | null },
  mapping: MappingFacts | undefined,
  app: BookingAppFacts,
): BookableAccount {
  const blocked: BlockedReason | undefined = !mapping ? "not_mapped" : bookingBlock(app, mapping);
  return { ...a, userId: mapping?.wecomUserId ?? null, ...(blocked ? { blocked } : {}) };
}

export async function searchBookableAccounts(
  db: TenantDb,
  appId: string,
  query: string,
  limit = 30,
): Promise<{ accounts: BookableAccount[]; departments: { name: string; count: number }[] }> {
  const app = await appOf(db, appId);
  if (!app) return { accounts: [], departments: [] };
  const q = query.trim();
  const text = q
    ? {
        OR: [
          { name: { contains: q } },
          { jobNumber: { contains: q } },
          { department: { contains: q } },
        ],
      }
    : {};
  const mapped = { mappings: { some: { corpRowId: app.corpRowId } } };
  const [rows, departments] = await Promise.all([
    db.oaAccount.findMany({
      where: { active: true, ...mapped, ...text },
      select: accountSelect(app.corpRowId),
      orderBy: [{ department: "asc" }, { name: "asc" }],
      take: limit,
    }),
    db.oaAccount.groupBy({
      by: ["department"],
      where: { active: true, ...mapped, ...(q ? { department: { contains: q } } : {}) },
      _count: { _all: true },
      orderBy: { department: "asc" },
      take: 20,
    }),
  ]);
  return {
    accounts: rows.map(({ mappings, ...a }) => toBookable(a, mappings[0], app)),
    departments: departments
      .filter((d) => d.department)
      .map((d) => ({ name: d.department!, count: d._count._all })),
  };
}

/** Everyone of a department, mapped or not: who can be invited and who is left out, and why. */
export async function departmentAccounts(
  db: TenantDb,
  appId: string,
  department: string,
): Promise<BookableAccount[]> {
  const app = await appOf(db, appId);
  if (!app) return [];
  const rows = await db.oaAccount.findMany({
    where: { active: true, department },
    select: accountSelect(app.corpRowId),
    orderBy: { name: "asc" },
    take: 2000,
  });
  return rows.map(({ mappings, ...a }) => toBookable(a, mappings[0], app));
}
