import "server-only";
import { db } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant-scope";
import { can, ROLES, type Permission, type Role } from "@/lib/auth/permissions";
import { keepsKeys } from "./revoke-creator-keys";
import { bearerKey, hashApiKey } from "./token";

/** Who calls the HTTP API: a tenant's key, with the role it was given. */
export interface ApiPrincipal {
  tokenId: string;
  tokenName: string;
  role: Role;
  tenant: { id: string; name: string; timeZone: string };
  /** The database, scoped to the key's tenant. */
  db: TenantDb;
  can(permission: Permission): boolean;
}

/** The roles whose holders may make, and so keep, keys. */
const KEY_ROLES = ROLES.filter(keepsKeys);

/**
 * A key's creator must still be allowed to make keys in its tenant. Losing that in the
 * tenant revokes the keys (revoke-creator-keys.ts); this also stops them while the
 * operator has disabled the person everywhere (User.disabled), and whatever path a future
 * change of people forgets. A key whose creator's account was deleted (createdBy null)
 * was made before people could leave; it stays until revoked by hand.
 *
 * Asked in the key's own query (one statement on SQLite too, where Prisma reads each
 * included relation with a statement of its own): the creator's membership must be in
 * the tenant of the key with this hash, enabled, with a role that keeps keys.
 */
function creatorMayMakeKeys(tokenHash: string) {
  return {
    OR: [
      { createdById: null },
      {
        createdBy: {
          disabled: false,
          memberships: {
            some: {
              disabled: false,
              role: { in: KEY_ROLES },
              tenant: { apiTokens: { some: { tokenHash } } },
            },
          },
        },
      },
    ],
  };
}

/** lastUsedAt is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The key behind an Authorization header: it exists and is not revoked. Null otherwise
 * (the caller answers 401 and says no more: a missing, malformed, unknown and revoked key
 * look alike). An owner or admin role given to a key is capped at admin: a key never
 * manages people.
 */
export async function authenticateApiKey(
  authorization: string | null | undefined,
  now = new Date(),
): Promise<ApiPrincipal | null> {
  const key = bearerKey(authorization);
  if (!key) return null;
  const tokenHash = hashApiKey(key);
  const token = await db.apiToken.findUnique({
    where: { tokenHash, ...creatorMayMakeKeys(tokenHash) },
    include: { tenant: { select: { id: true, name: true, timeZone: true } } },
  });
  if (!token || token.revokedAt) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  const role: Role = token.role === "owner" ? "admin" : token.role;
  return {
    tokenId: token.id,
    tokenName: token.name,
    role,
    tenant: token.tenant,
    // The key itself is the tenant's: rows naming it (idempotency, createdByTokenId) need no check.
    db: scopeToTenant(db, token.tenantId, { apiToken: [token.id] }),
    can: (permission) => can(role, permission),
  };
}
