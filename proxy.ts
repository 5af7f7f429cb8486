import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth-config.ts";
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

export default auth;

export const config = {
  matcher: [
    "/((?!api/auth|api/v1/(?!docs)|api/wecom/|api/health$|api/ready$|api/metrics$|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)",
  ],
};
