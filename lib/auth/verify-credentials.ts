import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client.ts";
import { signDeviceCookie, trustedDevice } from "./device-cookie.ts";
import { createLoginLimiter, type LoginLimiter, type RefusalReason } from "./login-limiter.ts";
import { verifyAgainstNothing, verifyPassword } from "./password.ts";

export const credentialsSchema = z.object({
  identifier: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});

export type CredentialsResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; locale: string; sessionVersion: number };
      /** A fresh device cookie for this browser and name (device-cookie.ts). */
      device: string;
    }
  | { ok: false; reason: "invalid" }
  /** Refused without checking the password; `retryAfter` in seconds. */
  | { ok: false; reason: RefusalReason; retryAfter: number };

const limiters = new WeakMap<Db, LoginLimiter>();

/**
 * Checks an email-or-username and password, counting failures against the limits; a
 * browser's device cookie for the name, when valid and not locked out, has its own count.
 */
export async function verifyCredentials(
  db: Db,
  input: unknown,
  ip: string | null,
  limiter: LoginLimiter = limiterOf(db),
  deviceCookie: string | null = null,
): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { identifier, password } = parsed.data;

  // Counted per name as typed, not per account: a shared count would tell a guesser
  // that an email and a username belong to one account.
  const device = trustedDevice(deviceCookie, identifier);
  const deviceTicket = device ? await limiter.takeDevice(device) : null;
  const gate = deviceTicket
    ? ({ allowed: true, ticket: deviceTicket } as const)
    : await limiter.take(identifier, ip);
  if (!gate.allowed) return { ok: false, reason: gate.reason, retryAfter: gate.retryAfter };

  const user = await db.user.findFirst({
    where: { OR: [{ email: identifier }, { username: identifier }] },
    omit: { passwordHash: false },
  });
  const ok =
    user && !user.disabled
      ? await verifyPassword(password, user.passwordHash)
      : await verifyAgainstNothing(password);
  if (!user || !ok || user.disabled) {
    await limiter.failed(gate.ticket);
    return { ok: false, reason: "invalid" };
  }
  await limiter.succeeded(gate.ticket);
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
    device: signDeviceCookie(identifier),
  };
}

function limiterOf(db: Db): LoginLimiter {
  let limiter = limiters.get(db);
  if (!limiter) limiters.set(db, (limiter = createLoginLimiter(db)));
  return limiter;
}
