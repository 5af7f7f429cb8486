import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/meetings/db-errors";
import type { AddUserValues } from "@/lib/schemas/users";
import { auditAdded, auditUsers, type Tx } from "./audit";
import { hashInviteToken, newInviteToken } from "./tokens";
import type { UsersActor, UsersOptions, UsersResult } from "./types";

// Invite links: the owner names the person and their role; the person opens
// /invite/<token> and chooses their own password. The token is shown once and only its
// hash is kept; a link works once, until it expires, unless the owner revokes it.

export const INVITE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export type InviteStatus = "valid" | "used" | "expired" | "revoked" | "invalid";

export function inviteStatus(
  invite: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null,
  now = new Date(),
): InviteStatus {
  if (!invite) return "invalid";
  if (invite.usedAt) return "used";
  if (invite.revokedAt) return "revoked";
  return invite.expiresAt <= now ? "expired" : "valid";
}

/** Creates an invite in the caller's transaction (addUser has checked the email and name). */
export async function createInviteIn(
  tx: Tx,
  actor: UsersActor,
  input: Pick<AddUserValues, "email" | "username" | "name" | "role">,
  now = new Date(),
  /** An initial password given to an existing account stands for the link (addUser). */
  token = newInviteToken(),
): Promise<UsersResult<{ inviteId: string; token: string; expiresAt: Date }>> {
  const pending = await tx.invite.count({
    where: {
      tenantId: actor.tenantId,
      email: input.email,
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
  });
  if (pending > 0) return { ok: false, error: "invite_pending" };
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * DAY_MS);
  const invite = await tx.invite.create({
    data: {
      tenantId: actor.tenantId,
      email: input.email,
      username: input.username ?? null,
      name: input.name,
      role: input.role,
      tokenHash: hashInviteToken(token),
      expiresAt,
      createdById: actor.userId,
    },
  });
  await auditUsers(tx, actor, {
    action: "invite.created",
    objectType: "membership",
    objectId: invite.id,
    diff: {
      email: input.email,
      name: input.name,
      role: input.role,
      expiresAt: expiresAt.toISOString(),
    },
  });
  return { ok: true, inviteId: invite.id, token, expiresAt };
}

/** Revokes a pending invite of the actor's tenant. */
export async function revokeInvite(
  db: Db,
  actor: UsersActor,
  inviteId: string,
): Promise<UsersResult> {
  return db.$transaction(async (tx): Promise<UsersResult> => {
    const invite = await tx.invite.findFirst({ where: { id: inviteId, tenantId: actor.tenantId } });
    const { count } = await tx.invite.updateMany({
      where: { id: inviteId, tenantId: actor.tenantId, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (!invite || count !== 1) return { ok: false, error: "not_found" };
    await auditUsers(tx, actor, {
      action: "invite.revoked",
      objectType: "membership",
      objectId: inviteId,
      diff: { email: invite.email, name: invite.name, role: invite.role },
    });
    return { ok: true };
  });
}

export interface InviteView {
  status: InviteStatus;
  email?: string;
  name?: string;
  tenantName?: string;
  /** The email already has an account: accepting adds the tenant, the password stays. */
  existingUser?: boolean;
}

/** What the invite page shows for a token (nothing about an unknown one). */
export async function readInvite(db: Db, token: string, now = new Date()): Promise<InviteView> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    include: { tenant: { select: { name: true } } },
  });
  const status = inviteStatus(invite, now);
  if (!invite || status !== "valid") return { status };
  const existing = await db.user.count({ where: { email: invite.email } });
  return {
    status,
    email: invite.email,
    name: invite.name,
    tenantName: invite.tenant.name,
    existingUser: existing > 0,
  };
}

/**
 * Whether a password that failed at sign-in is the initial password an owner gave an
 * email that already had an account (addUser): that code opens the invite page, where
 * the account's own password is asked for. Only called after the sign-in failed and was
 * counted, so it answers nothing a guesser could use without the code.
 */
export async function isInviteCode(
  db: Db,
  email: string,
  code: string,
  now = new Date(),
): Promise<boolean> {
  const invite = await db.invite.findUnique({ where: { tokenHash: hashInviteToken(code) } });
  return invite?.email === email && inviteStatus(invite, now) === "valid";
}

export type AcceptInviteResult =
  | { ok: true; email: string; existingUser: boolean; tenantId: string }
  | {
      ok: false;
      error: Exclude<InviteStatus, "valid"> | "username_taken" | "wrong_password" | "delayed";
      retryAfter?: number;
    };

/**
 * Uses an invite, once. The link (or code) proves only that its holder got it from the
 * tenant's owner, not who they are (decision 016). A new email: the holder chooses the
 * password and the account is created with its membership. An email that already has an
 * account: `password` must be that account's own password, checked like a sign-in (the
 * same delay, so the link is no better a guessing door than the sign-in page); the
 * account's password, name and sign-in name are never changed from here.
 */
export async function acceptInvite(
  db: Db,
  token: string,
  password: string,
  opts: UsersOptions & { ip?: string | null } = {},
  now = new Date(),
): Promise<AcceptInviteResult> {
  const found = await db.invite.findUnique({ where: { tokenHash: hashInviteToken(token) } });
  const first = inviteStatus(found, now);
  if (!found || first !== "valid") return { ok: false, error: first as "invalid" };
  const holder = await db.user.findUnique({ where: { email: found.email } });
  let passwordHash: string | null = null;
  if (holder) {
    const proof = await verifyCredentials(
      db,
      { identifier: found.email, password },
      opts.ip ?? null,
    );
    if (!proof.ok)
      return "retryAfter" in proof
        ? { ok: false, error: "delayed", retryAfter: proof.retryAfter }
        : { ok: false, error: "wrong_password" };
  } else {
    // bcrypt takes a quarter of a second: outside the transaction.
    passwordHash = await hashPassword(password, opts.passwordCost);
  }
  try {
    return await db.$transaction(async (tx): Promise<AcceptInviteResult> => {
      const invite = await tx.invite.findUnique({ where: { tokenHash: hashInviteToken(token) } });
      const status = inviteStatus(invite, now);
      if (!invite || status !== "valid") return { ok: false, error: status as "invalid" };
      // Claimed by a conditional write: of two tabs submitting at once, one wins.
      const { count } = await tx.invite.updateMany({
        where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (count !== 1) return { ok: false, error: "used" };

      let user = await tx.user.findUnique({ where: { email: invite.email } });
      // The account came or went since its password was checked: nothing is written.
      if ((user === null) !== (holder === null) || (user && user.id !== holder?.id))
        throw new AccountChanged();
      if (!user) {
        user = await tx.user.create({
          data: {
            email: invite.email,
            username: invite.username,
            name: invite.name,
            passwordHash: passwordHash!,
          },
        });
      }
      const actor = { tenantId: invite.tenantId, userId: user.id, ip: opts.ip };
      const member = await tx.membership.findUnique({
        where: { tenantId_userId: { tenantId: invite.tenantId, userId: user.id } },
      });
      if (!member) {
        await tx.membership.create({
          data: { tenantId: invite.tenantId, userId: user.id, role: invite.role },
        });
        await auditAdded(tx, actor, user, invite.role, "invite");
      }
      await auditUsers(tx, actor, {
        action: "invite.accepted",
        objectType: "membership",
        objectId: invite.id,
        diff: { email: invite.email, name: user.name, existingUser: holder !== null },
      });
      return {
        ok: true,
        email: invite.email,
        existingUser: holder !== null,
        tenantId: invite.tenantId,
      };
    });
  } catch (error) {
    // The sign-in name was taken after the invite was made: nothing was written.
    if (isUniqueViolation(error)) return { ok: false, error: "username_taken" };
    // Rolls the claim back with it: the link stays usable, to try again.
    if (error instanceof AccountChanged) return { ok: false, error: "wrong_password" };
    throw error;
  }
}

class AccountChanged extends Error {}
