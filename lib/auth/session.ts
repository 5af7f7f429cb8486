// The session behind a page or action: the Auth.js session cookie, read and decrypted
// where the page runs. next-auth's auth() runs Auth.js's whole session endpoint for it
// (a request built, the callbacks, and a new token encrypted only to be thrown away: the
// cookie is renewed by proxy.ts, not by pages), about 5 ms of a form's answer; this is
// the same check, its decryption and expiry alone (docs/decisions/017).
import "server-only";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env.js";

export interface SessionClaims {
  userId: string;
  /** The user's session version when the session was issued (session-version.ts). */
  sessionVersion: number | undefined;
  /** When Auth.js last issued the cookie (seconds since the epoch). */
  issuedAt: number | undefined;
}

/**
 * Secure cookie names exactly when Auth.js uses them: its URL is AUTH_URL when set, else
 * the request's forwarded protocol (Next.js sets X-Forwarded-Proto), else https
 * (@auth/core createActionURL, then `url.protocol === "https:"`).
 */
export function sessionCookieSecure(
  headers: Headers,
  authUrl: string | undefined = env.AUTH_URL ?? env.NEXTAUTH_URL,
): boolean {
  if (authUrl) return new URL(authUrl).protocol === "https:";
  return (headers.get("x-forwarded-proto") ?? "https").replace(/:$/, "") === "https";
}

/**
 * The signed-in user's id and session version, or null: no cookie, a cookie that does not
 * decrypt with this server's secret, or an expired one. Only the cookie is read (Auth.js's
 * session endpoint ignores an Authorization header; getToken would not).
 */
export async function readSession(headers: Headers): Promise<SessionClaims | null> {
  const token = await getToken({
    req: { headers: { cookie: headers.get("cookie") ?? "" } },
    secret: env.AUTH_SECRET,
    secureCookie: sessionCookieSecure(headers),
    logger: { error() {}, warn() {}, debug() {} },
  });
  if (!token || typeof token.uid !== "string") return null;
  return {
    userId: token.uid,
    sessionVersion: typeof token.sv === "number" ? token.sv : undefined,
    issuedAt: typeof token.iat === "number" ? token.iat : undefined,
  };
}
