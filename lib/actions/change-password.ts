"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { getSessionUser } from "@/lib/auth/tenant-context";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env.js";
import { translateMsg } from "@/lib/i18n/translate-msg";
import { msg } from "@/lib/schemas/messages";
import { changePasswordSchema } from "@/lib/schemas/password";
import { changeOwnPassword } from "@/lib/users/change-password";

export type ChangePasswordActionResult = {
  ok: false;
  fieldErrors: Record<string, string>;
  formError?: string;
};

/**
 * The signed-in person changes their own password. Every session ends with it (a copy of
 * the old cookie included); this browser is signed in again with the new password and
 * goes on: to the meetings after a required change, else back to the page, saying so.
 */
export async function changePasswordAction(values: unknown): Promise<ChangePasswordActionResult> {
  const t = await getTranslations("account.errors");
  const tr = (m: string | undefined) => translateMsg(t as never, m);
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const parsed = changePasswordSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fieldErrors[String(issue.path[0] ?? "root")] ??= tr(issue.message);
    return { ok: false, fieldErrors };
  }
  const h = await headers();
  const result = await changeOwnPassword(db, user.id, parsed.data, {
    ip: clientIp(h),
    userAgent: h.get("user-agent"),
  });
  if (!result.ok) {
    if (result.error === "wrong_current")
      return { ok: false, fieldErrors: { current: tr("wrong_current") } };
    if (result.error === "rate_limited")
      return {
        ok: false,
        fieldErrors: {},
        formError: tr(msg("rate_limited", { minutes: Math.ceil(env.LOGIN_WINDOW_SECONDS / 60) })),
      };
    redirect("/login");
  }
  try {
    await signIn("credentials", {
      identifier: user.email,
      password: parsed.data.password,
      redirectTo: user.mustChangePassword ? "/meetings" : "/account/password?changed=1",
    });
  } catch (error) {
    // signIn throws a redirect on success: let it through.
    if (!(error instanceof AuthError)) throw error;
  }
  // The password changed but this browser could not be signed in again: sign in by hand.
  redirect("/login");
}
