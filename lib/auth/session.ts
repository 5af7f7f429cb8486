// The session behind a page or action: the Auth.js session cookie, read and decrypted
// where the page runs. next-auth's auth() runs Auth.js's whole session endpoint for it
// (a request built, the callbacks, and a new token encrypted only to be thrown away: the
// cookie is renewed by proxy.ts, not by pages), about 5 ms of a form's answer; this is
// the same check, its decryption and expiry alone (docs/decisions/017).
import "server-only";
import { LRUCache } from "lru-cache";
import { getToken, type JWT } from "next-auth/jwt";
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

/** Auth.js's leeway on a token's expiry (@auth/core jwt.js decode: clockTolerance 15). */
const EXPIRY_TOLERANCE_SECONDS = 15;

/**
 * Cookies this process has already opened, by their exact text. Opening one costs about
 * 1 ms of CPU (Auth.js derives its key with HKDF, hashes a key thumbprint and decrypts,
 * each time), and a page or an action opens the same cookie twice (the proxy, then the
 * page). Only a cookie that decrypted with the server's secret is kept, so a forged one
 * is never taken from here; its expiry is checked again on every use.
 */
const opened = new LRUCache<string, JWT>({ max: 2000 });

async function openToken(cookie: string, secureCookie: boolean): Promise<JWT | null> {
  const key = `${secureCookie ? "s" : "p"}:${cookie}`;
  const known = opened.get(key);
  if (known) {
    if (
      typeof known.exp === "number" &&
      known.exp + EXPIRY_TOLERANCE_SECONDS <= Date.now() / 1000
    ) {
      opened.delete(key);
      return null;
    }
    return known;
  }
  const token = await getToken({
    req: { headers: { cookie } },
    secret: env.AUTH_SECRET,
    secureCookie,
    logger: { error() {}, warn() {}, debug() {} },
  });
  if (token) opened.set(key, token);
  return token;
}

/**
 * The signed-in user's id and session version, or null: no cookie, a cookie that does not
 * decrypt with this server's secret, or an expired one. Only the cookie is read (Auth.js's
 * session endpoint ignores an Authorization header; getToken would not).
 */
export async function readSession(headers: Headers): Promise<SessionClaims | null> {
  const token = await openToken(headers.get("cookie") ?? "", sessionCookieSecure(headers));
  if (!token || typeof token.uid !== "string") return null;
  return {
    userId: token.uid,
    sessionVersion: typeof token.sv === "number" ? token.sv : undefined,
    issuedAt: typeof token.iat === "number" ? token.iat : undefined,
  };
}
