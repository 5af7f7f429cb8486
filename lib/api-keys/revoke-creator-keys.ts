import "server-only";
import { can, type Role } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/users/audit";
import type { UsersActor } from "@/lib/users/types";

// A key acts with the powers of the person who made it, so it must not outlive their
// right to make keys (issue 15): when a person is demoted below admin, disabled in the
// tenant or removed from it, their keys in that tenant are revoked (not suspended: giving
// the right back does not bring a key back; they make a new one). Runs in the users
// change's own transaction, on the unscoped client like lib/users, naming the tenant.

export type KeyRevokeReason = "creator_demoted" | "creator_disabled" | "creator_removed";

/** Whether a person with this role may keep (and make) API keys. */
export const keepsKeys = (role: Role) => can(role, "settings:api");

/** Revokes the person's active keys in the actor's tenant; one audit event per key. */
export async function revokeKeysOfCreator(
  tx: Tx,
  actor: UsersActor,
  creatorId: string,
  reason: KeyRevokeReason,
  now = new Date(),
): Promise<number> {
  const keys = await tx.apiToken.findMany({
    where: { tenantId: actor.tenantId, createdById: creatorId, revokedAt: null },
    select: { id: true, name: true, prefix: true, role: true },
  });
  for (const key of keys) {
    await tx.apiToken.update({
      where: { id: key.id },
      data: { revokedAt: now, revokedById: actor.userId, revokedReason: reason },
    });
    await tx.auditEvent.create({
      data: {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        source: "web",
        action: "apiKey.revoke",
        objectType: "ApiToken",
        objectId: key.id,
        diff: { name: key.name, prefix: key.prefix, role: key.role, reason },
        ip: actor.ip ?? null,
        userAgent: actor.userAgent?.slice(0, 300) ?? null,
      },
    });
  }
  return keys.length;
}
