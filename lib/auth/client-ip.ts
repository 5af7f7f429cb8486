import { env } from "@/lib/env.js";

/**
 * The client's address, as far as it can be trusted. Behind N proxies that each append
 * to X-Forwarded-For (TRUSTED_PROXY_HOPS=N), the client is the N-th entry from the
 * right; anything further left was written by the client and may be forged. With no
 * trusted proxy (the default) Next.js gives no peer address, so there is none: callers
 * then skip per-IP limits rather than key them on a value anyone can set.
 */
export function clientIp(headers: Headers, hops: number = env.TRUSTED_PROXY_HOPS): string | null {
  if (hops <= 0) return null;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - hops] ?? null;
}
