import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client.ts";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant-scope.ts";
import { noteRequest, REQUEST_ID_HEADER } from "@/lib/observability/request-context";
import { can, type Permission, type Role } from "./permissions.ts";
import { readSession } from "./session.ts";
import { isSessionCurrent } from "./session-version.ts";

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
 * The signed-in user, if the session is still valid: the user exists, is not disabled,
 * and the session's version is the user's (a sign-out, a password change or losing the
 * last tenant bumps it, ending every earlier session). One query per request, which also
 * brings the memberships the tenant context needs. Cached per request.
 */
const loadSessionUser = cache(async () => {
  const session = await readSession(await headers());
  const userId = session?.userId;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      // A membership the tenant's owner disabled does not count: that tenant is closed.
      memberships: {
        where: { disabled: false },
        include: { tenant: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user || user.disabled || !isSessionCurrent(user, session.sessionVersion)) return null;
  return user;
});

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  /** Signed in with an initial password: must choose their own before anything else. */
  mustChangePassword: boolean;
  /** Belongs to at least one tenant (that has not disabled them). */
  hasTenant: boolean;
}

/** The signed-in user behind a valid session, tenant or not (sign-in and password pages). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const user = await loadSessionUser();
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    mustChangePassword: user.mustChangePassword,
    hasTenant: user.memberships.length > 0,
  };
}

/** The request's log line names its tenant and user (lib/observability/request-log.ts). */
async function noteTenant(tenantId: string, userId: string): Promise<void> {
  try {
    noteRequest((await headers()).get(REQUEST_ID_HEADER), { tenantId, userId });
  } catch {
    // Outside a request (scripts, tests): nothing to note, and never a reason to fail.
  }
}

/**
 * Session → user → membership in the current tenant (cookie, else the first one) →
 * role. Null when anonymous, the session ended, disabled, a member of no tenant, or
 * still to change an initial password (so every action refuses until then).
 */
export const getTenantContext = cache(async (): Promise<TenantContext | null> => {
  const user = await loadSessionUser();
  if (!user || user.mustChangePassword || user.memberships.length === 0) return null;

  const wanted = (await cookies()).get(TENANT_COOKIE)?.value;
  const current = user.memberships.find((m) => m.tenantId === wanted) ?? user.memberships[0]!;
  const role = current.role;
  await noteTenant(current.tenant.id, user.id);
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
    // The signed-in person is a member here: their id needs no check as a foreign key.
    db: scopeToTenant(db, current.tenant.id, { member: [user.id] }),
    can: (permission) => can(role, permission),
  };
});

/**
 * For pages: sends anonymous users (and ended sessions) to /login, a user with an initial
 * password to /change-password, and refuses a missing permission.
 */
export async function requireTenantContext(permission?: Permission): Promise<TenantContext> {
  const ctx = await getTenantContext();
  if (!ctx) redirect((await loadSessionUser())?.mustChangePassword ? "/change-password" : "/login");
  if (permission && !ctx.can(permission)) throw new ForbiddenError(permission);
  return ctx;
}
