import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client.ts";
import { createLoginLimiter, type LoginLimiter } from "./login-limiter.ts";
import { verifyAgainstNothing, verifyPassword } from "./password.ts";

export const credentialsSchema = z.object({
  identifier: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});

export type CredentialsResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; locale: string; sessionVersion: number };
    }
  | { ok: false; reason: "invalid" | "rate_limited"; retryAfter?: number };

const limiters = new WeakMap<Db, LoginLimiter>();

/** Checks an email-or-username and password, counting failures against the rate limit. */
export async function verifyCredentials(
  db: Db,
  input: unknown,
  ip: string | null,
): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { identifier, password } = parsed.data;

  let limiter = limiters.get(db);
  if (!limiter) limiters.set(db, (limiter = createLoginLimiter(db)));

  const user = await db.user.findFirst({
    where: { OR: [{ email: identifier }, { username: identifier }] },
    omit: { passwordHash: false },
  });
  // One counter per account, whether it is named by email or by username.
  const accountKey = user ? `user:${user.id}` : `unknown:${identifier}`;
  const gate = await limiter.take(accountKey, ip);
  if (!gate.allowed) return { ok: false, reason: "rate_limited", retryAfter: gate.retryAfter };

  const ok =
    user && !user.disabled
      ? await verifyPassword(password, user.passwordHash)
      : await verifyAgainstNothing(password);
  // A failure keeps the attempt it took; a success gives the account's back.
  if (!user || !ok || user.disabled) return { ok: false, reason: "invalid" };
  await limiter.succeeded(accountKey);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      sessionVersion: user.sessionVersion,
    },
  };
}
