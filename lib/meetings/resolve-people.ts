// Account ids from the browser (or an API caller) are never trusted: each is looked up
// in the tenant, must be active, mapped in the app's corp, and not known to be refused by
// WeCom (outside the app's visible range, or an unknown userid: bookingBlock). Problems come back at the field that named the account.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { msg } from "@/lib/schemas/messages";
import type { BookingValues } from "@/lib/schemas/booking";
import { bookingBlock } from "@/lib/apps/visible-range";
import { MAPPING_FACTS } from "./bookable-accounts";
import type { People, Person } from "./stored-booking";
import type { BookingField } from "./types";

export interface BookingApp {
  id: string;
  name: string;
  corpRowId: string;
  visibleRange: unknown;
  permissionCheckedAt: Date | null;
}

export type PeopleById = Awaited<ReturnType<typeof loadPeople>>;

/** Active accounts by id, each with its mapping in the corp: what resolvePeople judges. */
export async function loadPeople(db: TenantDb, corpRowId: string, ids: string[]) {
  const accounts = await db.oaAccount.findMany({
    where: { id: { in: ids }, active: true },
    select: {
      id: true,
      name: true,
      mappings: { where: { corpRowId }, select: MAPPING_FACTS },
    },
  });
  return new Map(accounts.map((a) => [a.id, a]));
}

export async function resolvePeople(
  db: TenantDb,
  app: BookingApp,
  v: BookingValues,
  opts: {
    /**
     * An admin already fixed (an edit: WeCom's update never changes admin_userid), taken
     * as is instead of looked up, so a meeting whose admin has since left stays editable.
     */
    admin?: Person;
    /** The accounts already loaded for every id the values name (a batch loads them once). */
    accounts?: PeopleById;
  } = {},
): Promise<{ people: People } | { fieldErrors: Partial<Record<BookingField, string>> }> {
  const unique = (list: string[]) => [...new Set(list)];
  const lists = {
    adminId: opts.admin ? [] : [v.adminId],
    inviteeIds: unique(v.inviteeIds),
    hostIds: unique(v.hostIds),
    ringIds: v.remindScope === 4 ? unique(v.ringIds) : [],
  } satisfies Partial<Record<BookingField, string[]>>;
  const byId =
    opts.accounts ?? (await loadPeople(db, app.corpRowId, unique(Object.values(lists).flat())));
  const fieldErrors: Partial<Record<BookingField, string>> = {};
  const resolved = {} as Record<keyof typeof lists, Person[]>;

  for (const [field, ids] of Object.entries(lists) as [keyof typeof lists, string[]][]) {
    resolved[field] = [];
    for (const id of ids) {
      const a = byId.get(id);
      const mapping = a?.mappings[0];
      const userId = mapping?.wecomUserId;
      const block = mapping ? bookingBlock(app, mapping) : undefined;
      let problem: string | undefined;
      if (!a) problem = msg("accountNotFound");
      else if (!userId) problem = msg("accountNotMapped", { name: a.name });
      else if (block === "out_of_range")
        problem = msg("accountOutOfRange", { name: a.name, app: app.name });
      else if (block === "not_found")
        problem = msg("accountUserIdUnknown", { name: a.name, userId });
      if (problem) {
        fieldErrors[field] ??= problem;
        continue;
      }
      resolved[field].push({ accountId: a!.id, name: a!.name, userId: userId! });
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
  return {
    people: {
      admin: opts.admin ?? resolved.adminId[0]!,
      invitees: resolved.inviteeIds,
      hosts: resolved.hostIds,
      ring: resolved.ringIds,
    },
  };
}
