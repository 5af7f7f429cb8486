import "server-only";
import { loadAuditHistory, type AuditEntry } from "@/lib/audit/load-history";
import { bookingBlock, type BookingBlock } from "@/lib/apps/visible-range";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { bookableAppsOfCorps } from "@/lib/meetings/app-visibility";
import type { AccountValues } from "@/lib/schemas/account";
import {
  appNames,
  MAPPING_VIEW_SELECT,
  toMappingView,
  type AccountMappingView,
} from "./list-accounts";

// One account as its edit page shows it: the form's values, each mapping's last
// verification and, per bookable app of its corp, whether WeCom would take the member
// through that app, and its change history (变更记录).

export interface AccountForEdit {
  id: string;
  active: boolean;
  values: AccountValues;
  mappings: (AccountMappingView & { apps: { name: string; block: BookingBlock | null }[] })[];
  history: AuditEntry[];
}

/** The account's events and its mappings' (which carry the account as objectId, lib/accounts/apply-changes.ts). */
export function accountHistory(db: TenantDb, accountId: string): Promise<AuditEntry[]> {
  return loadAuditHistory(db, { objectTypes: ["account", "mapping"], objectIds: [accountId] });
}

export async function accountForEdit(
  db: TenantDb,
  accountId: string,
): Promise<AccountForEdit | null> {
  const [a, corps, names, history] = await Promise.all([
    db.oaAccount.findFirst({
      where: { id: accountId },
      select: {
        id: true,
        name: true,
        jobNumber: true,
        email: true,
        mobile: true,
        department: true,
        active: true,
        mappings: { select: MAPPING_VIEW_SELECT },
      },
    }),
    db.corp.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } }),
    appNames(db),
    accountHistory(db, accountId),
  ]);
  if (!a) return null;
  const apps = await bookableAppsOfCorps(
    db,
    a.mappings.map((m) => m.corpRowId),
  );
  return {
    id: a.id,
    active: a.active,
    values: {
      name: a.name,
      jobNumber: a.jobNumber ?? "",
      email: a.email ?? "",
      mobile: a.mobile ?? "",
      department: a.department ?? "",
      userIds: Object.fromEntries(
        corps.map((c) => [c.id, a.mappings.find((m) => m.corpRowId === c.id)?.wecomUserId ?? ""]),
      ),
    },
    mappings: a.mappings.map((m) => ({
      ...toMappingView(m, names),
      apps: (apps.get(m.corpRowId) ?? []).map((app) => ({
        name: app.name,
        block: bookingBlock(app, m) ?? null,
      })),
    })),
    history,
  };
}
