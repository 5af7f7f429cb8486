import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { AccountValues } from "@/lib/schemas/account";
import {
  appNames,
  MAPPING_VIEW_SELECT,
  toMappingView,
  type AccountMappingView,
} from "./list-accounts";

// One account as its edit page shows it: the form's values, each mapping's last
// verification, and its change history (变更记录).

export interface AccountHistoryEntry {
  id: string;
  action: string;
  objectType: string;
  /** Unix seconds. */
  at: number;
  actorName: string | null;
  source: string;
  diff: Record<string, unknown>;
}

export interface AccountForEdit {
  id: string;
  active: boolean;
  values: AccountValues;
  mappings: AccountMappingView[];
  history: AccountHistoryEntry[];
}

export const HISTORY_LIMIT = 50;

export async function accountHistory(
  db: TenantDb,
  accountId: string,
): Promise<AccountHistoryEntry[]> {
  // Mapping events carry the account as objectId (lib/accounts/apply-changes.ts).
  const events = await db.auditEvent.findMany({
    where: { objectId: accountId, objectType: { in: ["account", "mapping"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: {
      id: true,
      action: true,
      objectType: true,
      createdAt: true,
      source: true,
      diff: true,
      actor: { select: { name: true } },
    },
  });
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    objectType: e.objectType,
    at: Math.floor(e.createdAt.getTime() / 1000),
    actorName: e.actor?.name ?? null,
    source: e.source,
    diff: (e.diff ?? {}) as Record<string, unknown>,
  }));
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
    mappings: a.mappings.map((m) => toMappingView(m, names)),
    history,
  };
}
