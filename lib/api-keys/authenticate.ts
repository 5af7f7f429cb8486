import "server-only";
import { db } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant-scope";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
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
    db: scopeToTenant(db, token.tenantId),
    can: (permission) => can(role, permission),
  };
}
