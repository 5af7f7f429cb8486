import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { CreateApiKeyValues } from "@/lib/schemas/api-key";
import { newApiKey } from "./token";

export type CreateApiKeyResult =
  | {
      ok: true;
      id: string;
      name: string;
      role: CreateApiKeyValues["role"];
      prefix: string;
      key: string;
    }
  | { ok: false; error: "nameTaken" };

/**
 * A new key of the scope's tenant, made by `userId` (a member). Only the key's hash is
 * stored; the key itself is in the answer, to be shown once. Names are unique among the
 * tenant's active keys (a revoked key's name may be used again).
 */
export async function createApiKey(
  db: TenantDb,
  actor: { tenantId: string; userId: string },
  values: CreateApiKeyValues,
): Promise<CreateApiKeyResult> {
  const taken = await db.apiToken.findFirst({
    where: { name: values.name, revokedAt: null },
    select: { id: true },
  });
  if (taken) return { ok: false, error: "nameTaken" };
  const { key, prefix, tokenHash } = newApiKey();
  const row = await db.apiToken.create({
    data: {
      tenantId: actor.tenantId,
      createdById: actor.userId,
      name: values.name,
      role: values.role,
      prefix,
      tokenHash,
    },
    select: { id: true },
  });
  return { ok: true, id: row.id, name: values.name, role: values.role, prefix, key };
}
