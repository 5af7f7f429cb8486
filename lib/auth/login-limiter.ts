import "server-only";
import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env.js";
import type { Db } from "@/lib/db/client.ts";

// Sign-in failures are counted in the database, so the limit holds across every app
// instance: per identifier (slows guessing one account) and per client IP (slows
// spraying many accounts from one place).
export interface LoginLimiter {
  /** Seconds until the next attempt is allowed, or 0 when allowed now. */
  retryAfter(identifier: string, ip: string): Promise<number>;
  recordFailure(identifier: string, ip: string): Promise<void>;
  recordSuccess(identifier: string): Promise<void>;
}

export function createLoginLimiter(db: Db): LoginLimiter {
  const common = {
    storeClient: db,
    tableName: "rateLimiterFlexible",
    clearExpiredByTimeout: false,
  };
  const byIdentifier = new RateLimiterPrisma({
    ...common,
    keyPrefix: "login-id",
    points: env.LOGIN_MAX_FAILURES,
    duration: env.LOGIN_WINDOW_SECONDS,
  });
  const byIp = new RateLimiterPrisma({
    ...common,
    keyPrefix: "login-ip",
    points: env.LOGIN_MAX_FAILURES * 4,
    duration: env.LOGIN_WINDOW_SECONDS,
  });

  const wait = (res: RateLimiterRes | null, max: number) =>
    res && res.consumedPoints >= max ? Math.ceil(res.msBeforeNext / 1000) : 0;

  return {
    async retryAfter(identifier, ip) {
      const [a, b] = await Promise.all([byIdentifier.get(identifier), byIp.get(ip)]);
      return Math.max(wait(a, env.LOGIN_MAX_FAILURES), wait(b, env.LOGIN_MAX_FAILURES * 4));
    },
    async recordFailure(identifier, ip) {
      // consume() rejects once the limit is passed; the failure is counted either way.
      await Promise.allSettled([byIdentifier.consume(identifier), byIp.consume(ip)]);
    },
    async recordSuccess(identifier) {
      await byIdentifier.delete(identifier);
    },
  };
}
