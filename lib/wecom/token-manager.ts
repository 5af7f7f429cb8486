// Token cache per app. Frequent gettoken calls get an app blocked for an hour, so a
// token is fetched once however many requests want it at the same moment:
// - within a process, concurrent callers share one in-flight promise;
// - across app instances sharing a database, the instance holding the lease
//   `token:<appId>:<kind>` fetches and the others poll the token row until it appears
//   (or the lease lapses, when one of them takes over).
// A small in-process copy saves a database read and a decryption on every call.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { TokenRecord, TokenStore } from "./store/types.ts";
import type { TokenKind } from "./types.ts";

// Refresh five minutes before WeCom's expiry (or a tenth of a short lifetime, as in
// tests), so a token never expires between being read and being used.
const REFRESH_MARGIN_SEC = 300;
const POLL_MIN_MS = 20;
const POLL_JITTER_MS = 40;
// Values that WeCom just refused. Another instance may not have dropped its cached
// copy yet; reading such a value back must count as "no token".
const MAX_REFUSED = 256;

export interface FetchedToken {
  token: string;
  expiresInSec: number;
}

export interface TokenFetch {
  /** Performs the HTTP call(s) that obtain a new token. */
  fetch(): Promise<FetchedToken>;
  /** How long the fetching instance may hold the lease: longer than a fetch with its retries. */
  leaseMs: number;
  /** Thrown when waiting for another instance took longer than any fetch could. */
  waitTimeout(): Error;
}

export function expiresAtFor(expiresInSec: number, now = Date.now()): Date {
  const margin = Math.min(REFRESH_MARGIN_SEC, Math.floor(expiresInSec / 10));
  return new Date(now + (expiresInSec - margin) * 1000);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TokenManager {
  private readonly inflight = new Map<string, Promise<TokenRecord>>();
  private readonly cache = new Map<string, TokenRecord>();
  private readonly refused = new Set<string>();
  /** Identifies this process in Lease rows. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID()}`;

  constructor(private readonly store: TokenStore) {}

  async get(appId: string, kind: TokenKind, source: TokenFetch): Promise<string> {
    const key = `${appId}:${kind}`;
    const cached = this.cache.get(key);
    if (cached && this.usable(cached)) return cached.value;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.load(appId, kind, source).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    const record = await pending;
    this.cache.set(key, record);
    return record.value;
  }

  /** Drops `value` after WeCom refused it, unless it has already been replaced. */
  async invalidate(appId: string, kind: TokenKind, value: string): Promise<void> {
    const key = `${appId}:${kind}`;
    if (this.refused.size >= MAX_REFUSED) this.refused.clear();
    this.refused.add(value);
    if (this.cache.get(key)?.value === value) this.cache.delete(key);
    await this.store.invalidate(appId, kind, value);
  }

  private usable(record: TokenRecord): boolean {
    return record.expiresAt.getTime() > Date.now() && !this.refused.has(record.value);
  }

  private async readUsable(appId: string, kind: TokenKind): Promise<TokenRecord | null> {
    const record = await this.store.get(appId, kind);
    return record && this.usable(record) ? record : null;
  }

  private async load(appId: string, kind: TokenKind, source: TokenFetch): Promise<TokenRecord> {
    const lease = `token:${appId}:${kind}`;
    // Past this, the lease holder has died or lapsed and we would have taken over.
    const deadline = Date.now() + 2 * source.leaseMs;
    for (;;) {
      const stored = await this.readUsable(appId, kind);
      if (stored) return stored;
      if (await this.store.tryAcquireLease(lease, this.owner, source.leaseMs)) {
        try {
          // The previous holder may have stored a token between our read and our lease.
          const again = await this.readUsable(appId, kind);
          if (again) return again;
          const fetched = await source.fetch();
          const record = { value: fetched.token, expiresAt: expiresAtFor(fetched.expiresInSec) };
          await this.store.put(appId, kind, record);
          return record;
        } finally {
          await this.store.releaseLease(lease, this.owner).catch(() => undefined);
        }
      }
      if (Date.now() > deadline) throw source.waitTimeout();
      await sleep(POLL_MIN_MS + Math.random() * POLL_JITTER_MS);
    }
  }
}

// One manager per store object: clients created per request for the same store share
// its in-flight map and cache. Create one store per process in production.
const managers = new WeakMap<TokenStore, TokenManager>();

export function tokenManagerFor(store: TokenStore): TokenManager {
  let manager = managers.get(store);
  if (!manager) {
    manager = new TokenManager(store);
    managers.set(store, manager);
  }
  return manager;
}
