import "server-only";
import type { Role } from "@/lib/auth/permissions";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { KeyRevokeReason } from "./revoke-creator-keys";

export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  /** The key's first characters ("mbk_Ab12Cd"), never enough to use it. */
  prefix: string;
  createdAt: Date;
  /** null: the creator is no longer a member of the tenant. */
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  /** Revoked because its creator lost the right to make keys; null: revoked by hand. */
  revokedReason: KeyRevokeReason | null;
}

/** The tenant's keys, active ones first, then newest first. Never a hash, never a key. */
export async function listApiKeys(db: TenantDb): Promise<ApiKeyView[]> {
  const rows = await db.apiToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      role: true,
      prefix: true,
      createdAt: true,
      createdById: true,
      lastUsedAt: true,
      revokedAt: true,
      revokedById: true,
      revokedReason: true,
    },
  });
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.createdById, r.revokedById]).filter((x) => x !== null)),
  ];
  const members = userIds.length
    ? await db.membership.findMany({
        where: { userId: { in: userIds } },
        select: { userId: true, user: { select: { name: true } } },
      })
    : [];
  const nameOf = new Map(members.map((m) => [m.userId, m.user.name]));
  const name = (id: string | null) => (id ? (nameOf.get(id) ?? null) : null);
  const views = rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    prefix: r.prefix,
    createdAt: r.createdAt,
    createdBy: name(r.createdById),
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
    revokedBy: name(r.revokedById),
    revokedReason: (r.revokedReason as KeyRevokeReason | null) ?? null,
  }));
  return [...views.filter((v) => !v.revokedAt), ...views.filter((v) => v.revokedAt)];
}
