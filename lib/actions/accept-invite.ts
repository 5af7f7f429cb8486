"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { translateMsg } from "@/lib/i18n/translate-msg";
import { setPasswordSchema } from "@/lib/schemas/password";
import { acceptInvite } from "@/lib/users/invites";

export type AcceptInviteActionResult =
  /** An existing user joined: they sign in with the password they have. */
  | { ok: true; existingUser: true }
  /** A new user whose automatic sign-in failed: they sign in by hand. */
  | { ok: true; existingUser: false }
  | { ok: false; fieldErrors: Record<string, string>; formError?: string };

const tokenSchema = z.string().min(1).max(128);

/**
 * Accepts an invite (anyone holding the link): sets the person's password and signs
 * them in. For an email that already has an account, only joins the tenant; the
 * password stays theirs (`values` is null then).
 */
export async function acceptInviteAction(
  token: unknown,
  values: unknown,
): Promise<AcceptInviteActionResult> {
  const t = await getTranslations("account.errors");
  const tr = (m: string | undefined) => translateMsg(t as never, m);
  const parsedToken = tokenSchema.safeParse(token);
  if (!parsedToken.success) return { ok: false, fieldErrors: {}, formError: tr("invite_invalid") };
  let password: string | null = null;
  if (values !== null) {
    const parsed = setPasswordSchema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        fieldErrors[String(issue.path[0] ?? "root")] ??= tr(issue.message);
      return { ok: false, fieldErrors };
    }
    password = parsed.data.password;
  }
  const result = await acceptInvite(db, parsedToken.data, password);
  if (!result.ok) {
    const key =
      result.error === "username_taken" || result.error === "password_required"
        ? result.error
        : `invite_${result.error}`;
    return { ok: false, fieldErrors: {}, formError: tr(key) };
  }
  if (result.existingUser || password === null) return { ok: true, existingUser: true };
  try {
    await signIn("credentials", { identifier: result.email, password, redirectTo: "/meetings" });
  } catch (error) {
    // signIn throws a redirect on success: let it through.
    if (!(error instanceof AuthError)) throw error;
  }
  return { ok: true, existingUser: false };
}
