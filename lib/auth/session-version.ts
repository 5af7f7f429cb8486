import "server-only";
import type { Db } from "@/lib/db/client.ts";

// Sessions are signed tokens (JWT) that the server does not store. Each carries the
// user's sessionVersion from when it was issued, and is valid only while that still
// equals the user's (checked in lib/auth/tenant-context.ts, in the query every request
// makes anyway). Bumping the version ends every session of the user at their next
// request: sign-out, a password change, losing the last tenant (docs/decisions/008).

/** Whether a session issued at `tokenVersion` is still valid for this user. */
export function isSessionCurrent(user: { sessionVersion: number }, tokenVersion: unknown): boolean {
  // Tokens issued before versions existed carry none: they stand for version 0.
  const version = typeof tokenVersion === "number" ? tokenVersion : 0;
  return user.sessionVersion === version;
}

/**
 * Sign-out: ends the user's sessions, everywhere (a token cannot be revoked alone), if the
 * session signing out is still valid; an already ended one changes nothing.
 */
export async function endSessions(db: Db, userId: string, tokenVersion: unknown): Promise<boolean> {
  const version = typeof tokenVersion === "number" ? tokenVersion : 0;
  const { count } = await db.user.updateMany({
    where: { id: userId, sessionVersion: version },
    data: { sessionVersion: { increment: 1 } },
  });
  return count === 1;
}
