import type { NextAuthConfig } from "next-auth";
import { authLogger } from "./auth-logger.ts";

// The part of the auth config that needs no database: used by proxy.ts to send
// anonymous visitors to /login, and extended with the credentials provider in auth.ts.
export const authConfig = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  // A refused sign-in is one line in the log, not a stack trace (auth-logger.ts).
  logger: authLogger,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      // An invite link is opened by someone who has no account yet.
      if (path.startsWith("/login") || path.startsWith("/invite/")) return true;
      return Boolean(auth?.user);
    },
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        // The user's session version at sign-in: the session lasts while it is current.
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sv === "number") session.sessionVersion = token.sv;
      return session;
    },
  },
} satisfies NextAuthConfig;
