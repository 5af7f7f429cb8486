import type { NextAuthConfig } from "next-auth";
import { SignInRefused } from "./sign-in-refused.ts";

type AuthLogger = NonNullable<NextAuthConfig["logger"]>;

/** One line: the identifier is the visitor's input, so it is quoted (no forged log lines). */
export function refusalLine(error: SignInRefused): string {
  const wait = error.retryAfter ? ` (retry in ${error.retryAfter} s)` : "";
  return `sign-in refused: ${error.reason}${wait} for ${JSON.stringify(error.identifier)} from ${error.ip ?? "unknown address"}`;
}

/**
 * Auth.js logs every refused sign-in as an error with a stack trace. A refusal is
 * routine: it becomes one line. Anything else is logged in full, as Auth.js would.
 */
export const authLogger: AuthLogger = {
  error(error) {
    if (error instanceof SignInRefused) {
      console.warn(refusalLine(error));
      return;
    }
    if ((error as { type?: string }).type === "CredentialsSignin") {
      console.warn("sign-in refused: invalid");
      return;
    }
    const name = (error as { type?: string }).type ?? error.name;
    const cause = (error.cause as { err?: unknown } | undefined)?.err;
    console.error(`[auth][error] ${name}: ${error.message}`);
    if (cause instanceof Error) console.error("[auth][cause]:", cause.stack);
    else if (error.stack) console.error(error.stack);
  },
};
