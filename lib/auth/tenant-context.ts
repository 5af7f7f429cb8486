import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client.ts";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant-scope.ts";
import { auth } from "./auth.ts";
import { can, type Permission, type Role } from "./permissions.ts";

export const TENANT_COOKIE = "mb_tenant";

export interface TenantContext {
  user: { id: string; name: string; email: string };
  tenant: { id: string; name: string; slug: string; timeZone: string };
  role: Role;
  /** Every tenant the user belongs to, for the switcher. */
  memberships: { tenantId: string; tenantName: string; role: Role }[];
  /** The database, scoped to this tenant. */
  db: TenantDb;
  can(permission: Permission): boolean;
}

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`Missing permission ${permission}`);
  }
}

/**
 * Session → user → membership in the current tenant (cookie, else the first one) →
 * role. Null when anonymous, disabled, or a member of no tenant. Cached per request.
 */
export const getTenantContext = cache(async (): Promise<TenantContext | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { memberships: { include: { tenant: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!user || user.disabled || user.memberships.length === 0) return null;

  const wanted = (await cookies()).get(TENANT_COOKIE)?.value;
  const current = user.memberships.find((m) => m.tenantId === wanted) ?? user.memberships[0]!;
  const role = current.role;
  return {
    user: { id: user.id, name: user.name, email: user.email },
    tenant: {
      id: current.tenant.id,
      name: current.tenant.name,
      slug: current.tenant.slug,
      timeZone: current.tenant.timeZone,
    },
    role,
    memberships: user.memberships.map((m) => ({
      tenantId: m.tenantId,
      tenantName: m.tenant.name,
      role: m.role,
    })),
    db: scopeToTenant(db, current.tenant.id),
    can: (permission) => can(role, permission),
  };
});

/** For pages: sends anonymous users to /login and refuses a missing permission. */
export async function requireTenantContext(permission?: Permission): Promise<TenantContext> {
  const ctx = await getTenantContext();
  if (!ctx) redirect("/login");
  if (permission && !ctx.can(permission)) throw new ForbiddenError(permission);
  return ctx;
}
