"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { SignInRefused } from "@/lib/auth/sign-in-refused";
import { db } from "@/lib/db/client";
import { signInSchema } from "@/lib/schemas/sign-in";
import { isInviteCode } from "@/lib/users/invites";

export type SignInResult = {
  /** delayed: too many failures for this name from this address, for a few seconds;
   * address_blocked: too many failures from this address, for the rest of the window. */
  error: "invalid" | "delayed" | "address_blocked" | "required" | "unknown";
  /** with delayed and address_blocked: how long to wait, in seconds */
  retryAfterSeconds?: number;
  /** The password was an invite code given to an existing account: open its invite. */
  invitePath?: string;
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
    if (error instanceof SignInRefused) {
      if (error.reason !== "invalid")
        return { error: error.reason, retryAfterSeconds: error.retryAfter ?? 1 };
      const { identifier, password } = parsed.data;
      return (await isInviteCode(db, identifier.trim().toLowerCase(), password))
        ? { error: "invalid", invitePath: `/invite/${password}` }
        : { error: "invalid" };
    }
    if (error.type === "CredentialsSignin") return { error: "invalid" };
    return { error: "unknown" };
  }
  return { error: "unknown" };
}
