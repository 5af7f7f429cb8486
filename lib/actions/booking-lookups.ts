"use server";

// Read-only helpers of the booking form: search accounts, take a department (or switch to
// the app that can see it), warn of overlaps. Each is scoped to the signed-in user's tenant; ids from the browser only
// select within it.
import { z } from "zod";
import { getTenantContext } from "@/lib/auth/tenant-context";
import {
  accountsRefusedBy,
  departmentAccounts,
  searchBookableAccounts,
  type BookableAccount,
} from "@/lib/meetings/bookable-accounts";
import { findOverlaps } from "@/lib/meetings/overlaps";
import { parseWallClock } from "@/lib/schemas/wall-clock";

const short = z.string().max(100);

async function bookingContext() {
  const ctx = await getTenantContext();
  return ctx && ctx.can("meeting:book") ? ctx : null;
}

export async function searchAccountsAction(appId: unknown, query: unknown) {
  const ctx = await bookingContext();
  const args = z.tuple([short.min(1), short]).safeParse([appId, query]);
  if (!ctx || !args.success) return { accounts: [], departments: [] };
  return searchBookableAccounts(ctx.db, args.data[0], args.data[1]);
}

export async function departmentAccountsAction(
  appId: unknown,
  department: unknown,
): Promise<BookableAccount[]> {
  const ctx = await bookingContext();
  const args = z.tuple([short.min(1), short.min(1)]).safeParse([appId, department]);
  if (!ctx || !args.success) return [];
  return departmentAccounts(ctx.db, args.data[0], args.data[1]);
}

const switchInput = z.object({
  appId: short.min(1),
  department: short.min(1),
  chosenIds: z.array(short).max(400),
});

/**
 * Switching the form to another app for a department it can see: the department's
 * members as that app sees them, and which of the people already chosen it cannot book.
 */
export async function switchAppForDepartmentAction(
  input: unknown,
): Promise<{ members: BookableAccount[]; refused: BookableAccount[] }> {
  const ctx = await bookingContext();
  const parsed = switchInput.safeParse(input);
  if (!ctx || !parsed.success) return { members: [], refused: [] };
  const { appId, department, chosenIds } = parsed.data;
  const [members, refused] = await Promise.all([
    departmentAccounts(ctx.db, appId, department),
    accountsRefusedBy(ctx.db, appId, chosenIds),
  ]);
  return { members, refused };
}

const overlapInput = z.object({
  accountIds: z.array(short).max(400),
  start: short,
  durationMin: z.number().int().min(1).max(1440),
  excludeId: short.optional(),
});

export async function overlapsAction(input: unknown) {
  const ctx = await bookingContext();
  const parsed = overlapInput.safeParse(input);
  if (!ctx || !parsed.success) return [];
  const startSec = parseWallClock(parsed.data.start, ctx.tenant.timeZone);
  if (startSec === undefined) return [];
  const found = await findOverlaps(ctx.db, {
    accountIds: parsed.data.accountIds,
    startSec,
    durationSec: parsed.data.durationMin * 60,
    excludeId: parsed.data.excludeId,
  });
  return found.map((o) => ({ ...o, startAt: o.startAt.toISOString() }));
}
