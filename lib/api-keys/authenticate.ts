import "server-only";
import { db } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant-scope";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
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

/**
 * A key's creator must still be allowed to make keys in its tenant. Losing that in the
 * tenant revokes the keys (revoke-creator-keys.ts); this also stops them while the
 * operator has disabled the person everywhere (User.disabled), and whatever path a future
 * change of people forgets. A key whose creator's account was deleted (createdBy null)
 * was made before people could leave; it stays until revoked by hand.
 */
function creatorMayMakeKeys(token: {
  tenantId: string;
  createdById: string | null;
  createdBy: {
    disabled: boolean;
    memberships: { tenantId: string; role: Role; disabled: boolean }[];
  } | null;
}): boolean {
  if (token.createdById === null) return true;
  const creator = token.createdBy;
  if (!creator || creator.disabled) return false;
  const member = creator.memberships.find((m) => m.tenantId === token.tenantId);
  return member !== undefined && !member.disabled && keepsKeys(member.role);
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
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiKey(key) },
    include: {
      tenant: { select: { id: true, name: true, timeZone: true } },
      createdBy: {
        select: {
          disabled: true,
          // A person's few tenants: the key's is picked below (its id is not known yet).
          memberships: { select: { tenantId: true, role: true, disabled: true } },
        },
      },
    },
  });
  if (!token || token.revokedAt || !creatorMayMakeKeys(token)) return null;
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
