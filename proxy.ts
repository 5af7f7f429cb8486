import NextAuth from "next-auth";
import type { NextRequest, NextFetchEvent } from "next/server";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth-config.ts";
import { readSession } from "@/lib/auth/session.ts";
import { env } from "@/lib/env.js";

// Anonymous visitors are sent to /login before any page renders; pages and actions
// still check the session, the tenant membership and the role themselves. The HTTP API
// (/api/v1) authenticates its own callers by API key; only its reference page for
// admins (/api/v1/docs) wants a signed-in person. WeCom's callbacks (api/wecom) carry no
// session: they prove themselves by their signature. The probes (api/health, api/ready)
// and the metrics scrape (api/metrics, its own bearer token) answer without a session.
const { auth } = NextAuth({
  ...authConfig,
  secret: env.AUTH_SECRET,
  trustHost: env.AUTH_TRUST_HOST,
});

/** next-auth's `auth` used as the middleware itself (its `export { auth as default }` form). */
const authMiddleware = auth as unknown as (
  req: NextRequest,
  ev: NextFetchEvent,
) => Promise<Response>;

/**
 * Auth.js's middleware renews the session cookie on every request (a new token encrypted
 * each time, about 5 ms). A session it issued less than this long ago is let through as
 * it is: it stays valid for the session's whole 12 hours from that issue, so a person
 * active in the last 12 hours minus this is still signed in (docs/decisions/009 and 017).
 */
export const RENEW_AFTER_SECONDS = 5 * 60;

export default async function proxy(req: NextRequest, ev: NextFetchEvent) {
  const session = await readSession(req.headers);
  const fresh =
    session?.issuedAt !== undefined && Date.now() / 1000 - session.issuedAt < RENEW_AFTER_SECONDS;
  if (fresh) return NextResponse.next();
  // Anonymous, expired, or due for renewal: Auth.js's own middleware, as before.
  return authMiddleware(req, ev);
}

export const config = {
  matcher: [
    "/((?!api/auth|api/v1/(?!docs)|api/wecom/|api/health$|api/ready$|api/metrics$|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)",
  ],
};
