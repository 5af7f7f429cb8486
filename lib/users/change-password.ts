import "server-only";
import { createLoginLimiter, type LoginLimiter } from "@/lib/auth/login-limiter";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { auditUsers } from "./audit";
import type { UsersOptions } from "./types";

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; error: "wrong_current" | "rate_limited" | "not_found"; retryAfter?: number };

const limiters = new WeakMap<Db, LoginLimiter>();

/**
 * A person changes their own password: the current one must be right (a wrong one counts
 * against the same limit as a failed sign-in, so a borrowed session cannot guess it), the
 * initial-password flag is cleared, and every session ends (sessionVersion), this one
 * too: the action signs the person in again with the new password. Recorded in each of
 * their tenants, without the password.
 */
export async function changeOwnPassword(
  db: Db,
  userId: string,
  input: { current: string; password: string },
  opts: UsersOptions & { ip?: string | null; userAgent?: string | null } = {},
): Promise<ChangePasswordResult> {
  const user = await db.user.findUnique({
    where: { id: userId },
    omit: { passwordHash: false },
    include: { memberships: { select: { tenantId: true } } },
  });
  if (!user) return { ok: false, error: "not_found" };

  let limiter = limiters.get(db);
  if (!limiter) limiters.set(db, (limiter = createLoginLimiter(db)));
  const gate = await limiter.take(`user:${user.id}`, opts.ip ?? null);
  if (!gate.allowed) return { ok: false, error: "rate_limited", retryAfter: gate.retryAfter };
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    await limiter.failed(gate.ticket);
    return { ok: false, error: "wrong_current" };
  }
  await limiter.succeeded(gate.ticket);

  const passwordHash = await hashPassword(input.password, opts.passwordCost);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    for (const { tenantId } of user.memberships) {
      await auditUsers(
        tx,
        { tenantId, userId: user.id, ip: opts.ip, userAgent: opts.userAgent },
        {
          action: "user.password_changed",
          objectType: "user",
          objectId: user.id,
          diff: {
            email: user.email,
            name: user.name,
            ...(user.mustChangePassword ? { mustChangePassword: { from: true, to: false } } : {}),
          },
        },
      );
    }
  });
  return { ok: true };
}
