import type { NextAuthConfig } from "next-auth";
import { logger } from "@/lib/observability/logger";
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
      logger.warn(
        { reason: error.reason, retryAfter: error.retryAfter, ip: error.ip },
        refusalLine(error),
      );
      return;
    }
    if ((error as { type?: string }).type === "CredentialsSignin") {
      logger.warn("sign-in refused: invalid");
      return;
    }
    const name = (error as { type?: string }).type ?? error.name;
    const cause = (error.cause as { err?: unknown } | undefined)?.err;
    const stack = cause instanceof Error ? cause.stack : error.stack;
    logger.error({ component: "auth", stack }, `${name}: ${error.message}`);
  },
};
