import "server-only";
import { ACCOUNT_TEXT_FIELDS, type AccountValues } from "@/lib/schemas/account";
import { msg } from "@/lib/schemas/messages";
import { diffAccount, type ExistingAccount } from "./account-change";
import { AccountWriteConflict, applyAccountChanges } from "./apply-changes";
import { userIdTaken } from "./plan-import";
import type { AccountActor, AccountResult } from "./types";

const ACCOUNT_SELECT = {
  id: true,
  name: true,
  jobNumber: true,
  email: true,
  mobile: true,
  department: true,
  active: true,
  mappings: { select: { id: true, corpRowId: true, wecomUserId: true } },
} as const;

/**
 * Why `values` cannot be saved on account `accountId` (null: a new one), by field: a job
 * number or a userid that another account of the tenant holds, naming that account.
 */
async function takenErrors(
  actor: AccountActor,
  accountId: string | null,
  values: AccountValues,
  corpRowIds: string[],
): Promise<Record<string, string>> {
  const others = accountId ? { NOT: { id: accountId } } : {};
  const pairs = corpRowIds
    .filter((c) => values.userIds[c])
    .map((c) => ({ corpRowId: c, wecomUserId: values.userIds[c]! }));
  const [sameJob, holders] = await Promise.all([
    actor.db.oaAccount.findFirst({
      where: { jobNumber: values.jobNumber, ...others },
      select: { name: true },
    }),
    pairs.length
      ? actor.db.mapping.findMany({
          where: { OR: pairs, ...(accountId ? { NOT: { oaAccountId: accountId } } : {}) },
          select: {
            corpRowId: true,
            wecomUserId: true,
            oaAccount: { select: { name: true, jobNumber: true } },
          },
        })
      : [],
  ]);
  const errors: Record<string, string> = {};
  if (sameJob)
    errors.jobNumber = msg("jobNumberTaken", { jobNumber: values.jobNumber, name: sameJob.name });
  for (const h of holders) {
    errors[`userIds.${h.corpRowId}`] = userIdTaken(h.wecomUserId, {
      name: h.oaAccount.name,
      jobNumber: h.oaAccount.jobNumber ?? "",
    });
  }
  return errors;
}

/** Creates (accountId null) or edits an account and its userids from the account form. */
export async function saveAccount(
  actor: AccountActor,
  accountId: string | null,
  values: AccountValues,
): Promise<AccountResult<{ accountId: string; changed: boolean }>> {
  const [corps, current] = await Promise.all([
    actor.db.corp.findMany({ select: { id: true, name: true } }),
    accountId
      ? actor.db.oaAccount.findFirst({ where: { id: accountId }, select: ACCOUNT_SELECT })
      : null,
  ]);
  if (accountId && !current) return { ok: false, formError: msg("accountNotFound") };
  const corpRowIds = corps.map((c) => c.id).filter((id) => id in values.userIds);
  const fieldErrors = await takenErrors(actor, accountId, values, corpRowIds);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };

  const before: ExistingAccount | null = current
    ? { ...current, jobNumber: current.jobNumber ?? "" }
    : null;
  const change = diffAccount(before, values, {
    fields: new Set(ACCOUNT_TEXT_FIELDS),
    corpRowIds,
    mappings: new Map((current?.mappings ?? []).map((m) => [m.corpRowId, m])),
  });
  if (!change) return { ok: true, accountId: accountId!, changed: false };
  try {
    const [id] = await applyAccountChanges(actor, [change], {
      corpNames: new Map(corps.map((c) => [c.id, c.name])),
    });
    return { ok: true, accountId: id!, changed: true };
  } catch (err) {
    if (!(err instanceof AccountWriteConflict)) throw err;
    // Someone took the job number or a userid between the check and the write.
    const again = await takenErrors(actor, accountId, values, corpRowIds);
    return Object.keys(again).length
      ? { ok: false, fieldErrors: again }
      : { ok: false, formError: msg("unexpected") };
  }
}

/** Deactivates (or reactivates) an account: it stays, with its mappings, but cannot be booked. */
export async function setAccountActive(
  actor: AccountActor,
  accountId: string,
  active: boolean,
): Promise<AccountResult<{ changed: boolean }>> {
  const current = await actor.db.oaAccount.findFirst({
    where: { id: accountId },
    select: ACCOUNT_SELECT,
  });
  if (!current) return { ok: false, formError: msg("accountNotFound") };
  if (current.active === active) return { ok: true, changed: false };
  const before = { ...current, jobNumber: current.jobNumber ?? "" };
  const values = { ...before, email: "", mobile: "", department: "", userIds: {} };
  const change = diffAccount(before, values, {
    fields: new Set(),
    corpRowIds: [],
    mappings: new Map(),
    active,
  })!;
  await applyAccountChanges(actor, [change], { corpNames: new Map() });
  return { ok: true, changed: true };
}
