"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { TENANT_COOKIE } from "@/lib/auth/tenant-context";
import { db } from "@/lib/db/client";
import { translateMsg } from "@/lib/i18n/translate-msg";
import { msg } from "@/lib/schemas/messages";
import { accountPasswordSchema, setPasswordSchema } from "@/lib/schemas/password";
import { acceptInvite, readInvite } from "@/lib/users/invites";

export type AcceptInviteActionResult =
  /** Accepted, but the automatic sign-in failed: they sign in by hand. */
  { ok: true } | { ok: false; fieldErrors: Record<string, string>; formError?: string };

const tokenSchema = z.string().min(1).max(128);

/**
 * Accepts an invite (anyone holding the link), then signs the person in to the inviting
 * tenant. A new email chooses its password (twice); an email that already has an account
 * must give that account's own password, since the link alone proves nothing about who
 * holds it (decision 016). Whether the account exists is the server's reading, not input.
 */
export async function acceptInviteAction(
  token: unknown,
  values: unknown,
): Promise<AcceptInviteActionResult> {
  const t = await getTranslations("account.errors");
  const tr = (m: string | undefined) => translateMsg(t as never, m);
  const parsedToken = tokenSchema.safeParse(token);
  if (!parsedToken.success) return { ok: false, fieldErrors: {}, formError: tr("invite_invalid") };
  const invite = await readInvite(db, parsedToken.data);
  if (invite.status !== "valid")
    return { ok: false, fieldErrors: {}, formError: tr(`invite_${invite.status}`) };
  const schema = invite.existingUser ? accountPasswordSchema : setPasswordSchema;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fieldErrors[String(issue.path[0] ?? "root")] ??= tr(issue.message);
    return { ok: false, fieldErrors };
  }
  const { password } = parsed.data;
  const ip = clientIp(await headers());
  const result = await acceptInvite(db, parsedToken.data, password, { ip });
  if (!result.ok) {
    if (result.error === "wrong_password")
      return { ok: false, fieldErrors: { password: tr("invite_wrong_password") } };
    const key =
      result.error === "delayed"
        ? msg("invite_delayed", { seconds: result.retryAfter ?? 1 })
        : result.error === "username_taken"
          ? result.error
          : `invite_${result.error}`;
    return { ok: false, fieldErrors: {}, formError: tr(key) };
  }
  // Lands in the tenant that invited them, not the first of their tenants.
  (await cookies()).set(TENANT_COOKIE, result.tenantId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
  });
  try {
    await signIn("credentials", { identifier: result.email, password, redirectTo: "/meetings" });
  } catch (error) {
    // signIn throws a redirect on success: let it through.
    if (!(error instanceof AuthError)) throw error;
  }
  return { ok: true };
}
