import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db/client.ts";
import { env } from "@/lib/env.js";
import { authConfig } from "./auth-config.ts";
import { clientIp } from "./client-ip.ts";
import { verifyCredentials } from "./verify-credentials.ts";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: env.AUTH_SECRET,
  trustHost: env.AUTH_TRUST_HOST,
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(db, credentials, clientIp(request.headers));
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new RateLimited();
        return null;
      },
    }),
  ],
});
