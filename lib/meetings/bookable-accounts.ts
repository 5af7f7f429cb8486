// Who can be picked in the booking form for an app: OA accounts mapped in the app's
// corp, with those WeCom is known to refuse marked (shown disabled, with why): outside
// the app's visible range or unknown to WeCom, by the app's last check or the mapping's
// last verification (bookingBlock). Someone this app cannot see but another bookable app
// of the corp can is marked with that app, and a department says how many this app can
// add and which other app could add more (app-visibility.ts). Searched on the server, so
// 10,000 accounts stay fast.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { bookingBlock, type BookingAppFacts, type MappingFacts } from "@/lib/apps/visible-range";
import { appsThatCanBook, bookableAppsOfCorp, mightBeRefused } from "./app-visibility";

export type BlockedReason = "out_of_range" | "not_found" | "not_mapped";

export interface BookableAccount {
  id: string;
  name: string;
  jobNumber: string | null;
  department: string | null;
  userId: string | null;
  blocked?: BlockedReason;
  /** Outside this app's range: the first other bookable app of the corp that can book them. */
  seenBy?: string;
}

/** Another app of the corp that can add more of a department than the chosen one. */
export interface BetterApp {
  appId: string;
  appName: string;
  addable: number;
}

export interface BookableDepartment {
  name: string;
  /** Its active members mapped in the app's corp. */
  count: number;
  /** How many of them the chosen app can add (WeCom is not known to refuse them). */
  addable: number;
  better?: BetterApp;
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
  others: (BookingAppFacts & { name: string })[] = [],
): BookableAccount {
  const blocked: BlockedReason | undefined = !mapping ? "not_mapped" : bookingBlock(app, mapping);
  const seenBy =
    blocked === "out_of_range" && mapping ? appsThatCanBook(others, mapping)[0]?.name : undefined;
  return {
    ...a,
    userId: mapping?.wecomUserId ?? null,
    ...(blocked ? { blocked } : {}),
    ...(seenBy ? { seenBy } : {}),
  };
}

/** The other bookable apps of the app's corp. */
async function otherAppsOf(db: TenantDb, app: { id: string; corpRowId: string }) {
  return (await bookableAppsOfCorp(db, app.corpRowId)).filter((a) => a.id !== app.id);
}

/**
 * How many of each department the app can add, and the other app that can add the most
 * when that is more. Only members some app may refuse are loaded (mightBeRefused).
 */
async function withAddable(
  db: TenantDb,
  app: BookingAppFacts & { corpRowId: string },
  others: (BookingAppFacts & { name: string })[],
  groups: { name: string; count: number }[],
): Promise<BookableDepartment[]> {
  if (groups.length === 0) return [];
  const { corpRowId } = app;
  const refusable = await db.oaAccount.findMany({
    where: {
      active: true,
      department: { in: groups.map((g) => g.name) },
      mappings: { some: { corpRowId, ...mightBeRefused([app, ...others]) } },
    },
    select: { department: true, mappings: { where: { corpRowId }, select: MAPPING_FACTS } },
  });
  return groups.map((g) => {
    const facts = refusable.filter((r) => r.department === g.name).flatMap((r) => r.mappings);
    const addable = (a: BookingAppFacts) =>
      g.count - facts.filter((m) => bookingBlock(a, m)).length;
    const here = addable(app);
    let better: BetterApp | undefined;
    for (const o of others) {
      const n = addable(o);
      if (n > (better?.addable ?? here)) better = { appId: o.id, appName: o.name, addable: n };
    }
    return { ...g, addable: here, ...(better ? { better } : {}) };
  });
}

export async function searchBookableAccounts(
  db: TenantDb,
  appId: string,
  query: string,
  limit = 30,
): Promise<{ accounts: BookableAccount[]; departments: BookableDepartment[] }> {
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
  const [rows, departments, others] = await Promise.all([
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
    otherAppsOf(db, app),
  ]);
  const groups = departments
    .filter((d) => d.department)
    .map((d) => ({ name: d.department!, count: d._count._all }));
  return {
    accounts: rows.map(({ mappings, ...a }) => toBookable(a, mappings[0], app, others)),
    departments: await withAddable(db, app, others, groups),
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
  const [rows, others] = await Promise.all([
    db.oaAccount.findMany({
      where: { active: true, department },
      select: accountSelect(app.corpRowId),
      orderBy: { name: "asc" },
      take: 2000,
    }),
    otherAppsOf(db, app),
  ]);
  return rows.map(({ mappings, ...a }) => toBookable(a, mappings[0], app, others));
}

/**
 * Of these accounts, those the app cannot book (not mapped in its corp, or refused by
 * WeCom): what a switch to the app has to leave out of the form.
 */
export async function accountsRefusedBy(
  db: TenantDb,
  appId: string,
  ids: string[],
): Promise<BookableAccount[]> {
  const app = await appOf(db, appId);
  if (!app || ids.length === 0) return [];
  const rows = await db.oaAccount.findMany({
    where: { id: { in: ids } },
    select: accountSelect(app.corpRowId),
  });
  return rows.map(({ mappings, ...a }) => toBookable(a, mappings[0], app)).filter((a) => a.blocked);
}
