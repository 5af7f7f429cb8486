import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db/client.ts";
import { env } from "@/lib/env.js";
import { isLocale } from "@/lib/i18n/config";
import { setLocaleCookie } from "@/lib/i18n/locale-cookie";
import { authConfig } from "./auth-config.ts";
import { clientIp } from "./client-ip.ts";
import { readDeviceCookie, writeDeviceCookie } from "./device-cookie-store.ts";
import { endSessions } from "./session-version.ts";
import { SignInRefused } from "./sign-in-refused.ts";
import { credentialsSchema, verifyCredentials } from "./verify-credentials.ts";

async function rememberLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  try {
    await setLocaleCookie(locale);
  } catch {
    // Outside a request that can set cookies (not the case for sign-in): keep the current language.
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: env.AUTH_SECRET,
  trustHost: env.AUTH_TRUST_HOST,
  events: {
    // next-auth's own sign-out route (POST /api/auth/signout) ends the session version
    // too, as MeetBridge's sign-out action does: a saved copy of the cookie stops working
    // however the person signed out. A second call for one session changes nothing.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.uid === "string") await endSessions(db, token.uid, token.sv);
    },
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(credentials, request) {
        const ip = clientIp(request.headers);
        const result = await verifyCredentials(
          db,
          credentials,
          ip,
          undefined,
          await readDeviceCookie(),
        );
        if (result.ok) {
          await writeDeviceCookie(result.device);
          // Only now, after the password was verified, may the response reveal anything
          // about the account: its saved language.
          await rememberLocale(result.user.locale);
          const { id, email, name, sessionVersion } = result.user;
          return { id, email, name, sessionVersion };
        }
        const identifier = credentialsSchema.shape.identifier.safeParse(
          (credentials as { identifier?: unknown }).identifier,
        );
        throw new SignInRefused(
          result.reason,
          identifier.data ?? "",
          ip,
          "retryAfter" in result ? result.retryAfter : undefined,
        );
      },
    }),
  ],
});
