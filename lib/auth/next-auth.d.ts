import "next-auth";

// The session version (User.sessionVersion) travels from sign-in into the token and the
// session, so that each request can compare it with the user's (lib/auth/tenant-context.ts).
declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}
