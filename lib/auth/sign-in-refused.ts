// next-auth re-exports this very class; importing it from its source keeps this module
// loadable without Next (the unit tests).
import { CredentialsSignin } from "@auth/core/errors";

export type RefusedReason = "invalid" | "delayed" | "address_blocked";

/**
 * Thrown by the credentials provider for every refused sign-in, so that the sign-in
 * action learns why (and how long to wait) and the auth logger can write one line
 * about it. Never carries the password.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(
    readonly reason: RefusedReason,
    readonly identifier: string,
    readonly ip: string | null,
    /** seconds, when the reason is a wait */
    readonly retryAfter?: number,
  ) {
    super();
    // `code` goes into the error URL of a plain form post: it must not tell more.
    this.code = reason === "invalid" ? "credentials" : "rate_limited";
  }
}
