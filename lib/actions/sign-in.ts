"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { env } from "@/lib/env.js";
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
    // signIn throws a redirect on success: let it through.
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof CredentialsSignin && error.code === "rate_limited")
      return { error: "rate_limited", retryAfterMinutes: Math.ceil(env.LOGIN_WINDOW_SECONDS / 60) };
    if (error.type === "CredentialsSignin") return { error: "invalid" };
    return { error: "unknown" };
  }
  return { error: "unknown" };
}
