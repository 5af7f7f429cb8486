"use server";

import { z } from "zod";
import { setAccountActive } from "@/lib/accounts/save-account";
import { msg } from "@/lib/schemas/messages";
import { accountAccess, revalidateAccounts } from "./account-access";

export type SetAccountActiveActionResult = { ok: true } | { ok: false; formError: string };

/** Deactivates (active false) or reactivates an OA account. */
export async function setAccountActiveAction(
  accountId: unknown,
  active: unknown,
): Promise<SetAccountActiveActionResult> {
  const access = await accountAccess();
  const { tr } = access;
  if (!access.ok) return { ok: false, formError: tr(msg("forbidden")) };
  const parsed = z
    .object({ accountId: z.string().min(1).max(64), active: z.boolean() })
    .safeParse({ accountId, active });
  if (!parsed.success) return { ok: false, formError: tr(msg("accountNotFound")) };
  const result = await setAccountActive(access.actor, parsed.data.accountId, parsed.data.active);
  if (!result.ok) return { ok: false, formError: tr(result.formError) };
  revalidateAccounts(parsed.data.accountId);
  return { ok: true };
}
