import type { Role } from "@/lib/auth/permissions";

/**
 * Who changes a tenant's users: always a member of that tenant (the owner at the users
 * page), or the invited person accepting an invite. The tenant is the session's, never input.
 */
export interface UsersActor {
  tenantId: string;
  userId: string;
  ip?: string | null;
  userAgent?: string | null;
}

/** Why a change to a tenant's users was refused; keys under "usersAdmin.errors". */
export type UsersRefusal =
  "last_owner" | "not_found" | "already_member" | "username_taken" | "invite_pending";

export type UsersResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: UsersRefusal };

export interface MemberTarget {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface UsersOptions {
  /** bcrypt cost; tests pass a low one. */
  passwordCost?: number;
}
