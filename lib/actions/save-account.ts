"use server";

import { z } from "zod";
import { saveAccount } from "@/lib/accounts/save-account";
import { accountSchema } from "@/lib/schemas/account";
import { msg } from "@/lib/schemas/messages";
import { accountAccess, revalidateAccounts, translateFieldErrors } from "./account-access";

export type SaveAccountActionResult =
  | { ok: true; accountId: string; changed: boolean }
  | {
      ok: false;
      /** Translated, keyed by form field ("jobNumber", "userIds.<corpRowId>", …). */
      fieldErrors: Record<string, string>;
      formError?: string;
    };

/** Creates (accountId null) or edits an OA account and its WeCom userids from the form. */
export async function saveAccountAction(
  accountId: unknown,
  values: unknown,
): Promise<SaveAccountActionResult> {
  const access = await accountAccess();
  const { tr } = access;
  if (!access.ok) return { ok: false, fieldErrors: {}, formError: tr(msg("forbidden")) };
  const id = z.string().min(1).max(64).nullable().safeParse(accountId);
  const parsed = accountSchema.safeParse(values);
  if (!id.success) return { ok: false, fieldErrors: {}, formError: tr(msg("accountNotFound")) };
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fieldErrors[issue.path.join(".")] ??= tr(issue.message);
    return { ok: false, fieldErrors };
  }
  const result = await saveAccount(access.actor, id.data, parsed.data);
  if (!result.ok)
    return {
      ok: false,
      fieldErrors: translateFieldErrors(tr, result.fieldErrors),
      formError: result.formError ? tr(result.formError) : undefined,
    };
  revalidateAccounts(result.accountId);
  return result;
}
