// The authorise step shared by the users page's actions: the owner's permission
// ("settings:users") in the session's tenant, who is acting and from where, and the
// refusals in the reader's language ("usersAdmin.errors").
import "server-only";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { clientIp } from "@/lib/auth/client-ip";
import { getTenantContext, type TenantContext } from "@/lib/auth/tenant-context";
import { translateMsg } from "@/lib/i18n/translate-msg";
import type { UsersActor, UsersResult } from "@/lib/users/types";

export type UsersActionError = { ok: false; message: string };

export async function usersMessages(): Promise<(m: string | undefined) => string> {
  const t = await getTranslations("usersAdmin.errors");
  return (m) => translateMsg(t as never, m);
}

/** The owner acting at the users page, or null when the session may not. */
export async function usersActor(): Promise<{ ctx: TenantContext; actor: UsersActor } | null> {
  const ctx = await getTenantContext();
  if (!ctx || !ctx.can("settings:users")) return null;
  const h = await headers();
  return {
    ctx,
    actor: {
      tenantId: ctx.tenant.id,
      userId: ctx.user.id,
      ip: clientIp(h),
      userAgent: h.get("user-agent"),
    },
  };
}

/** After a change: the users page, and the shell (the actor may have changed themselves). */
export function revalidateUsers(): void {
  revalidatePath("/settings/users");
  revalidatePath("/", "layout");
}

export type MemberActionResult = { ok: true } | UsersActionError;

/** parse → authorise → domain → revalidate, for the changes of a row of the users page. */
export async function runMemberAction<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  input: unknown,
  change: (actor: UsersActor, data: T) => Promise<UsersResult>,
): Promise<MemberActionResult> {
  const tr = await usersMessages();
  const access = await usersActor();
  if (!access) return { ok: false, message: tr("forbidden") };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: tr("invalid") };
  const result = await change(access.actor, parsed.data);
  if (!result.ok) return { ok: false, message: tr(result.error) };
  revalidateUsers();
  return { ok: true };
}
