"use server";

import { cookies } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env.js";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { signInSchema } from "@/lib/schemas/sign-in";

export type SignInResult = {
  error: "invalid" | "rate_limited" | "required" | "unknown";
  /** with rate_limited: the longest wait, in minutes */
  retryAfterMinutes?: number;
};

/** Signs in and redirects to the meetings; answers with an error key otherwise. */
export async function signInAction(input: unknown): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { error: "required" };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/meetings" });
  } catch (error) {
    // signIn throws a redirect on success: let it through, in the user's saved language.
    if (!(error instanceof AuthError)) {
      await restoreLocale(parsed.data.identifier);
      throw error;
    }
    if (error instanceof CredentialsSignin && error.code === "rate_limited")
      return { error: "rate_limited", retryAfterMinutes: Math.ceil(env.LOGIN_WINDOW_SECONDS / 60) };
    if (error.type === "CredentialsSignin") return { error: "invalid" };
    return { error: "unknown" };
  }
  return { error: "unknown" };
}

async function restoreLocale(identifier: string): Promise<void> {
  const id = identifier.trim().toLowerCase();
  const user = await db.user.findFirst({
    where: { OR: [{ email: id }, { username: id }] },
    select: { locale: true },
  });
  if (user && isLocale(user.locale)) {
    (await cookies()).set(LOCALE_COOKIE, user.locale, {
      sameSite: "lax",
      path: "/",
      maxAge: 365 * 24 * 3600,
    });
  }
}
