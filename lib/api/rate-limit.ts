// A per-key request budget (MEETBRIDGE_API_RATE_LIMIT_PER_MINUTE), counted in the shared
// database like the sign-in limits (lib/auth/login-limiter.ts), so it holds across every
// app instance. Over budget: 429 with Retry-After.
import { createMiddleware } from "hono/factory";
import { RateLimiterRes } from "rate-limiter-flexible";
import { OneWriteRateLimiter } from "@/lib/db/prisma-rate-limiter";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/schemas/messages";
import type { ApiEnv } from "./context";
import { ApiProblem } from "./problem";

export function rateLimit(perMinute: number) {
  let limiter: OneWriteRateLimiter | undefined;
  return createMiddleware<ApiEnv>(async (c, next) => {
    limiter ??= new OneWriteRateLimiter({
      storeClient: db,
      clearExpiredByTimeout: true,
      keyPrefix: "api-key",
      points: perMinute,
      duration: 60,
    });
    try {
      await limiter.consume(c.get("principal").tokenId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new ApiProblem("rate-limited", {
        retryAfterSec: seconds,
        detail: msg("rateLimited", { limit: perMinute, seconds }),
      });
    }
    await next();
  });
}
