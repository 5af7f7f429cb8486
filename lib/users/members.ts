import "server-only";
import { keepsKeys, revokeKeysOfCreator } from "@/lib/api-keys/revoke-creator-keys";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/meetings/db-errors";
import type { AddUserValues } from "@/lib/schemas/users";
import { auditAdded, auditUsers, type Tx } from "./audit";
import { createInviteIn } from "./invites";
import { activeOwnerCount, isActiveOwner, withOwnersLocked } from "./owner-guard";
import { endSessionsIfNoTenantLeft } from "./sessions";
import type { UsersActor, UsersOptions, UsersResult } from "./types";

// A tenant's people: who may sign in to it, with which role. User rows are global (one
// person, one password, several tenants); memberships are the tenant's. These functions
// use the unscoped client because they must read and write users, and name the actor's
// tenant in every membership query themselves (docs/decisions/008).

/**
 * The same answer whether or not the email has an account elsewhere (decision 016): for an
 * account that exists, "password" is a one-time code that works like the invite link.
 */
export type AddUserResult = UsersResult<
  | { kind: "password"; password: string }
  | { kind: "invite"; inviteId: string; token: string; expiresAt: Date }
>;

/**
 * Adds a person to the actor's tenant: a new user with an initial password, or an invite.
 * An email that already has an account (of another tenant) never gets a membership here:
 * it gets an invite, which only someone with the link (or code) AND the account's own
 * password can accept (acceptInvite). Its answer has the shape of a new person's.
 */
export async function addUser(
  db: Db,
  actor: UsersActor,
  input: AddUserValues,
  opts: UsersOptions = {},
): Promise<AddUserResult> {
  const { tenantId } = actor;
  const password = input.method === "password" ? generatePassword() : undefined;
  // bcrypt takes a quarter of a second: outside the transaction.
  const passwordHash = password ? await hashPassword(password, opts.passwordCost) : undefined;
  try {
    return await db.$transaction(async (tx): Promise<AddUserResult> => {
      const existing = await tx.user.findUnique({ where: { email: input.email } });
      // Already in this tenant: the owner sees them in their own list, nothing to hide.
      if (
        existing &&
        (await tx.membership.findUnique({
          where: { tenantId_userId: { tenantId, userId: existing.id } },
        }))
      )
        return { ok: false, error: "already_member" };
      if (input.username && (await tx.user.findUnique({ where: { username: input.username } })))
        return { ok: false, error: "username_taken" };

      if (existing || !passwordHash) {
        // The initial password of an existing account is an invite code: it opens the
        // invite, never the account (the account's own password is needed to accept).
        const invite = await createInviteIn(tx, actor, input, new Date(), password);
        if (!invite.ok) return invite;
        return password ? { ok: true, kind: "password", password } : { ...invite, kind: "invite" };
      }
      const user = await tx.user.create({
        data: {
          email: input.email,
          username: input.username ?? null,
          name: input.name,
          passwordHash,
          mustChangePassword: true,
        },
      });
      await tx.membership.create({ data: { tenantId, userId: user.id, role: input.role } });
      await auditAdded(tx, actor, user, input.role, "password");
      return { ok: true, kind: "password", password: password! };
    });
  } catch (error) {
    // Someone took the email or the sign-in name between the check and the write.
    if (isUniqueViolation(error)) return { ok: false, error: "username_taken" };
    throw error;
  }
}

/** The member of the actor's tenant, with what the owner rule needs. */
function findMember(tx: Tx, tenantId: string, userId: string) {
  return tx.membership.findUnique({
    where: { tenantId_userId: { tenantId, userId } },
    include: { user: { select: { email: true, name: true, disabled: true } } },
  });
}

type Member = NonNullable<Awaited<ReturnType<typeof findMember>>>;

/** Refuses a change that would leave the tenant without an active owner. */
async function keepsAnOwner(tx: Tx, tenantId: string, member: Member): Promise<boolean> {
  if (!isActiveOwner(member)) return true;
  return (await activeOwnerCount(tx, tenantId)) > 1;
}

const who = (m: Member) => ({ email: m.user.email, name: m.user.name });

export async function changeRole(
  db: Db,
  actor: UsersActor,
  userId: string,
  role: Role,
): Promise<UsersResult<{ changed: boolean }>> {
  return withOwnersLocked(db, actor.tenantId, async (tx) => {
    const member = await findMember(tx, actor.tenantId, userId);
    if (!member) return { ok: false, error: "not_found" };
    if (member.role === role) return { ok: true, changed: false };
    if (role !== "owner" && !(await keepsAnOwner(tx, actor.tenantId, member)))
      return { ok: false, error: "last_owner" };
    await tx.membership.update({ where: { id: member.id }, data: { role } });
    const keysRevoked = keepsKeys(role)
      ? 0
      : await revokeKeysOfCreator(tx, actor, userId, "creator_demoted");
    await auditUsers(tx, actor, {
      action: "membership.role_changed",
      objectType: "membership",
      objectId: userId,
      diff: { ...who(member), role: { from: member.role, to: role }, keysRevoked },
    });
    return { ok: true, changed: true };
  });
}

/**
 * Disables or enables a person in the actor's tenant only (Membership.disabled): the
 * User row is shared with their other tenants, which this tenant's owner has no say in.
 */
export async function setMemberDisabled(
  db: Db,
  actor: UsersActor,
  userId: string,
  disabled: boolean,
): Promise<UsersResult<{ changed: boolean; signedOut: boolean }>> {
  return withOwnersLocked(db, actor.tenantId, async (tx) => {
    const member = await findMember(tx, actor.tenantId, userId);
    if (!member) return { ok: false, error: "not_found" };
    if (member.disabled === disabled) return { ok: true, changed: false, signedOut: false };
    if (disabled && !(await keepsAnOwner(tx, actor.tenantId, member)))
      return { ok: false, error: "last_owner" };
    await tx.membership.update({ where: { id: member.id }, data: { disabled } });
    const signedOut = disabled ? await endSessionsIfNoTenantLeft(tx, userId) : false;
    const keysRevoked = disabled
      ? await revokeKeysOfCreator(tx, actor, userId, "creator_disabled")
      : 0;
    await auditUsers(tx, actor, {
      action: disabled ? "membership.disabled" : "membership.enabled",
      objectType: "membership",
      objectId: userId,
      diff: {
        ...who(member),
        disabled: { from: !disabled, to: disabled },
        signedOut,
        keysRevoked,
      },
    });
    return { ok: true, changed: true, signedOut };
  });
}

/** Removes a person from the actor's tenant: the membership goes, the user stays. */
export async function removeMember(
  db: Db,
  actor: UsersActor,
  userId: string,
): Promise<UsersResult<{ signedOut: boolean }>> {
  return withOwnersLocked(db, actor.tenantId, async (tx) => {
    const member = await findMember(tx, actor.tenantId, userId);
    if (!member) return { ok: false, error: "not_found" };
    if (!(await keepsAnOwner(tx, actor.tenantId, member)))
      return { ok: false, error: "last_owner" };
    await tx.membership.delete({ where: { id: member.id } });
    const signedOut = await endSessionsIfNoTenantLeft(tx, userId);
    const keysRevoked = await revokeKeysOfCreator(tx, actor, userId, "creator_removed");
    await auditUsers(tx, actor, {
      action: "membership.removed",
      objectType: "membership",
      objectId: userId,
      diff: { ...who(member), role: { from: member.role, to: null }, signedOut, keysRevoked },
    });
    return { ok: true, signedOut };
  });
}
