import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { OneWriteRateLimiter } from "@/lib/db/prisma-rate-limiter";
import type { Db } from "@/lib/db/client.ts";
import { env } from "@/lib/env.js";
import { DEVICE_MAX_FAILURES } from "./device-cookie.ts";
import { delayAfter } from "./login-delay.ts";
import { createLoginTurns } from "./login-turns.ts";

// Sign-in attempts are counted in the database, so the limits hold across every app
// instance. Two limits, both on failures only:
// - per name as typed (lower-cased) and client address: a progressive delay
//   (login-delay.ts), never a lock, so nobody can shut the owner out of their account,
//   and failures from elsewhere do not slow a person at their own address; the email
//   and the username of one account are counted apart, so the counts reveal nothing;
// - per client address, when it can be trusted: LOGIN_MAX_FAILURES_PER_IP failures in
//   the window refuse that address for the rest of it (slows spraying many accounts).
// - per trusted device (device-cookie.ts): a browser that signed in as the name before is
//   counted on its own, not delayed, and after DEVICE_MAX_FAILURES failures in the window
//   is locked out, i.e. counted with everyone else again.
// An attempt is charged BEFORE the password is checked (atomically, so parallel requests
// cannot all slip in) and given back when it succeeds; a failure keeps it.

export type RefusalReason = "delayed" | "address_blocked";

export interface LoginTicket {
  key: string;
  ip: string | null;
  /** Attempts charged to the key in the window, this one included. */
  tries: number;
  /** Counted on a trusted device's own counter: no delay, a lockout instead. */
  device?: boolean;
}

export type Gate =
  | { allowed: true; ticket: LoginTicket }
  | { allowed: false; reason: RefusalReason; retryAfter: number };

export interface LoginLimiter {
  take(identifier: string, ip: string | null): Promise<Gate>;
  /** A trusted device's turn, or null when it failed too often (then use take()). */
  takeDevice(device: string): Promise<LoginTicket | null>;
  failed(ticket: LoginTicket): Promise<void>;
  succeeded(ticket: LoginTicket): Promise<void>;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createLoginLimiter(db: Db, now: () => number = Date.now): LoginLimiter {
  const common = {
    storeClient: db,
    // Expired rows (including those of made-up names) are swept hourly; the timer is unref'd.
    clearExpiredByTimeout: true,
    duration: env.LOGIN_WINDOW_SECONDS,
  };
  const byIp = new OneWriteRateLimiter({
    ...common,
    keyPrefix: "login-ip",
    points: env.LOGIN_MAX_FAILURES_PER_IP,
  });
  // Only counts: the delay, not this limiter, decides whether an attempt may go ahead.
  const tries = new OneWriteRateLimiter({
    ...common,
    keyPrefix: "login-try",
    points: Number.MAX_SAFE_INTEGER,
  });
  const turns = createLoginTurns(db, now);

  async function takeIp(ip: string): Promise<number | null> {
    try {
      await byIp.consume(ip);
      return null;
    } catch (rejection) {
      // consume() rejects with a RateLimiterRes when over the limit; anything else is a real error.
      if (rejection instanceof RateLimiterRes) return seconds(rejection.msBeforeNext);
      throw rejection;
    }
  }

  return {
    async take(identifier, ip) {
      if (ip) {
        const blockedFor = await takeIp(ip);
        if (blockedFor !== null)
          return { allowed: false, reason: "address_blocked", retryAfter: blockedFor };
      }
      const key = `${ip ?? "-"}|${identifier}`;
      const charged = (await tries.consume(key)).consumedPoints;
      // The failures before this attempt (and attempts still under way) set its wait.
      if (delayAfter(charged - 1) > 0) {
        const turn = await turns.claim(key, delayAfter(charged) * 1000);
        if (!turn.ok) {
          await Promise.all([tries.reward(key, 1), ip ? byIp.reward(ip, 1) : null]);
          return { allowed: false, reason: "delayed", retryAfter: seconds(turn.waitMs) };
        }
      }
      return { allowed: true, ticket: { key, ip, tries: charged } };
    },
    async takeDevice(device) {
      const key = `device|${device}`;
      const charged = (await tries.consume(key)).consumedPoints;
      if (charged <= DEVICE_MAX_FAILURES) return { key, ip: null, tries: charged, device: true };
      await tries.reward(key, 1);
      return null;
    },
    async failed(ticket) {
      if (ticket.device) return;
      const wait = delayAfter(ticket.tries);
      if (wait > 0) await turns.push(ticket.key, wait * 1000);
    },
    async succeeded(ticket) {
      await Promise.all([
        tries.delete(ticket.key),
        turns.clear(ticket.key),
        ticket.ip ? byIp.reward(ticket.ip, 1) : null,
      ]);
    },
  };
}
