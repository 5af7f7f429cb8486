import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client.ts";
import { env } from "@/lib/env.js";

// Sign-in attempts are counted in the database, so the limit holds across every app
// instance: per account (slows guessing one account) and, when the client address can
// be trusted, per IP (slows spraying many accounts). An attempt is taken atomically
// BEFORE the password is checked, so parallel requests cannot all slip in under the
// limit. A success gives back the account's attempt, never the IP's: otherwise an
// attacker could interleave their own good sign-ins with guesses at others.
export type Gate = { allowed: true } | { allowed: false; retryAfter: number };

export interface LoginLimiter {
  take(identifier: string, ip: string | null): Promise<Gate>;
  succeeded(accountKey: string): Promise<void>;
}

export function createLoginLimiter(db: Db): LoginLimiter {
  const common = {
    storeClient: db,
    tableName: "rateLimiterFlexible",
    // Expired rows (including those of made-up identifiers) are swept hourly; the timer is unref'd.
    clearExpiredByTimeout: true,
    duration: env.LOGIN_WINDOW_SECONDS,
  };
  const byIdentifier = new RateLimiterPrisma({
    ...common,
    keyPrefix: "login-id",
    points: env.LOGIN_MAX_FAILURES,
  });
  const byIp = new RateLimiterPrisma({
    ...common,
    keyPrefix: "login-ip",
    points: env.LOGIN_MAX_FAILURES * 10,
  });

  async function consume(limiter: RateLimiterPrisma, key: string): Promise<Gate> {
    try {
      await limiter.consume(key);
      return { allowed: true };
    } catch (rejection) {
      // consume() rejects with a RateLimiterRes when over the limit; anything else is a real error.
      if (rejection instanceof RateLimiterRes) {
        return {
          allowed: false,
          retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        };
      }
      throw rejection;
    }
  }

  return {
    async take(identifier, ip) {
      const id = await consume(byIdentifier, identifier);
      if (!id.allowed || !ip) return id;
      return consume(byIp, ip);
    },
    async succeeded(accountKey) {
      await byIdentifier.delete(accountKey);
    },
  };
}
