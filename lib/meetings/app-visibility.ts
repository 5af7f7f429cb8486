// Who can be booked through which app of a corp. Each app sees its own part of the
// directory (its visible range), so someone one app cannot see may well be bookable
// through another app of the same corp. The one place that knows the corp's bookable apps
// and, by bookingBlock(), which of them WeCom would take a mapped member through: the
// booking pickers (what a department adds, which other app could), the switch to that
// app, and the mapping verification (which apps to ask) read it.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import {
  bookingBlock,
  type BookingAppFacts,
  type MappingFacts,
  type StoredVisibleRange,
} from "@/lib/apps/visible-range";
import { BOOKABLE_APP_WHERE } from "./bookable-app";

export interface CorpApp extends BookingAppFacts {
  name: string;
  corpRowId: string;
}

export const CORP_APP_SELECT = {
  id: true,
  name: true,
  corpRowId: true,
  visibleRange: true,
  permissionCheckedAt: true,
} as const;

/** The apps of each corp that may book, oldest first (the order they are offered in). */
export async function bookableAppsOfCorps(
  db: TenantDb,
  corpRowIds: string[],
): Promise<Map<string, CorpApp[]>> {
  const apps = await db.app.findMany({
    where: { corpRowId: { in: corpRowIds }, ...BOOKABLE_APP_WHERE },
    select: CORP_APP_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return new Map(corpRowIds.map((c) => [c, apps.filter((a) => a.corpRowId === c)]));
}

export async function bookableAppsOfCorp(db: TenantDb, corpRowId: string): Promise<CorpApp[]> {
  return (await bookableAppsOfCorps(db, [corpRowId])).get(corpRowId) ?? [];
}

/** The apps among `apps` through which WeCom would take this mapped member. */
export function appsThatCanBook<A extends BookingAppFacts>(apps: A[], m: MappingFacts): A[] {
  return apps.filter((a) => !bookingBlock(a, m));
}

/**
 * The userids any of `apps` is known to refuse (their last check's lists): with the
 * mappings whose last verification found a problem, the only members bookingBlock() can
 * block, so a query can narrow to them before judging each.
 */
export function refusedUserIds(apps: BookingAppFacts[]): string[] {
  const ids = new Set<string>();
  for (const a of apps) {
    const r = a.visibleRange as Partial<StoredVisibleRange> | null | undefined;
    for (const id of [...(r?.outOfRange ?? []), ...(r?.notFound ?? [])]) ids.add(id);
  }
  return [...ids];
}

/** A mapping filter: the members bookingBlock() could block through any of `apps`. */
export function mightBeRefused(apps: BookingAppFacts[]) {
  return {
    OR: [
      { verifyStatus: { in: ["out_of_range", "not_found"] } },
      { wecomUserId: { in: refusedUserIds(apps) } },
    ],
  };
}
