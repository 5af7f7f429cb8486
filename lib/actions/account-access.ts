// The authorise step shared by the account actions: a signed-in member of the tenant whose
// role may manage OA accounts ("settings:accounts"), acting through the browser. Messages
// come from the one catalogue ("accountsAdmin.errors"), in the reader's language.
import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getTenantContext, type TenantContext } from "@/lib/auth/tenant-context";
import { accountWebActor } from "@/lib/accounts/web-actor";
import type { AccountActor } from "@/lib/accounts/types";
import { translateMsg } from "@/lib/i18n/translate-msg";

export type Translate = (m: string | undefined) => string;

export async function accountMessages(): Promise<Translate> {
  const t = await getTranslations("accountsAdmin.errors");
  return (m) => translateMsg(t as never, m);
}

/** The admin and a translator, or null (with the translator) when they may not. */
export async function accountAccess(): Promise<
  | { ok: true; ctx: TenantContext; actor: AccountActor; tr: Translate }
  | { ok: false; tr: Translate }
> {
  const [ctx, tr] = await Promise.all([getTenantContext(), accountMessages()]);
  if (!ctx || !ctx.can("settings:accounts")) return { ok: false, tr };
  return { ok: true, ctx, actor: await accountWebActor(ctx), tr };
}

export function revalidateAccounts(accountId?: string): void {
  revalidatePath("/settings/accounts");
  if (accountId) revalidatePath(`/settings/accounts/${accountId}`);
}

export const translateFieldErrors = (tr: Translate, errors: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, tr(m)]));
