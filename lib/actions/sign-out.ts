"use server";

import { auth, signOut } from "@/lib/auth/auth";
import { endSessions } from "@/lib/auth/session-version";
import { db } from "@/lib/db/client";

/**
 * Signs out: clears the cookie, and ends the session on the server too (the user's
 * session version moves on), so that a copy of the cookie stops working. This ends the
 * user's sessions in other browsers as well: a token cannot be revoked alone.
 */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.user?.id) await endSessions(db, session.user.id, session.sessionVersion);
  await signOut({ redirectTo: "/login" });
}
