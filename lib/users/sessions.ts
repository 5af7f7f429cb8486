import "server-only";
import type { Tx } from "./audit";

/**
 * After a person lost their place in a tenant (disabled or removed there): ends their
 * sessions (User.sessionVersion, lib/auth/session-version.ts) when no other tenant is
 * left to them, so that they are signed out. A person with other tenants keeps their
 * sessions there: one tenant's owner cannot sign someone out of another tenant. Their
 * access to this tenant ends either way, since the membership is read on every request.
 */
export async function endSessionsIfNoTenantLeft(tx: Tx, userId: string): Promise<boolean> {
  const left = await tx.membership.count({ where: { userId, disabled: false } });
  if (left > 0) return false;
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  return true;
}
