import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";

export type RevokeApiKeyResult =
  | { ok: true; id: string; name: string; prefix: string; revoked: boolean }
  | { ok: false; error: "notFound" };

/**
 * Revokes a key of the scope's tenant: from now on authenticateApiKey refuses it. The row
 * stays, with when and by whom, for the record. `revoked` is false when it already was
 * (nothing changes then, and nothing is to be audited). Another tenant's id is not found.
 */
export async function revokeApiKey(
  db: TenantDb,
  actor: { userId: string },
  id: string,
  now = new Date(),
): Promise<RevokeApiKeyResult> {
  const token = await db.apiToken.findFirst({
    where: { id },
    select: { id: true, name: true, prefix: true, revokedAt: true },
  });
  if (!token) return { ok: false, error: "notFound" };
  // Conditional on still being active: two admins revoking at once record it once.
  const { count } = token.revokedAt
    ? { count: 0 }
    : await db.apiToken.updateMany({
        where: { id: token.id, revokedAt: null },
        data: { revokedAt: now, revokedById: actor.userId },
      });
  return { ok: true, id: token.id, name: token.name, prefix: token.prefix, revoked: count === 1 };
}
