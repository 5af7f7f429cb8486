// Account ids from the browser (or an API caller) are never trusted: each is looked up
// in the tenant, must be active, mapped in the app's corp, and not known to be outside
// the app's visible range. Problems come back at the field that named the account.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { msg } from "@/lib/schemas/messages";
import type { BookingValues } from "@/lib/schemas/booking";
import { outOfRangeUserIds } from "@/lib/apps/visible-range";
import type { People, Person } from "./stored-booking";
import type { BookingField } from "./types";

export interface BookingApp {
  id: string;
  name: string;
  corpRowId: string;
  visibleRange: unknown;
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
  } = {},
): Promise<{ people: People } | { fieldErrors: Partial<Record<BookingField, string>> }> {
  const unique = (list: string[]) => [...new Set(list)];
  const lists = {
    adminId: opts.admin ? [] : [v.adminId],
    inviteeIds: unique(v.inviteeIds),
    hostIds: unique(v.hostIds),
    ringIds: v.remindScope === 4 ? unique(v.ringIds) : [],
  } satisfies Partial<Record<BookingField, string[]>>;
  const all = unique(Object.values(lists).flat());
  const accounts = await db.oaAccount.findMany({
    where: { id: { in: all }, active: true },
    select: {
      id: true,
      name: true,
      mappings: { where: { corpRowId: app.corpRowId }, select: { wecomUserId: true } },
    },
  });
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const outside = outOfRangeUserIds(app.visibleRange);
  const fieldErrors: Partial<Record<BookingField, string>> = {};
  const resolved = {} as Record<keyof typeof lists, Person[]>;

  for (const [field, ids] of Object.entries(lists) as [keyof typeof lists, string[]][]) {
    resolved[field] = [];
    for (const id of ids) {
      const a = byId.get(id);
      const userId = a?.mappings[0]?.wecomUserId;
      let problem: string | undefined;
      if (!a) problem = msg("accountNotFound");
      else if (!userId) problem = msg("accountNotMapped", { name: a.name });
      else if (outside.has(userId))
        problem = msg("accountOutOfRange", { name: a.name, app: app.name });
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
