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
// A value WeCom just refused (40014/42001) may still come back from the store: another
// instance may write its copy after we dropped ours. Reading it back counts as "no
// token", so we fetch. But gettoken returns the SAME token while WeCom still holds it
// valid, so a refusal must not outlive the evidence against it: it ends when one of our
// own fetches returns that value again (WeCom just vouched for it; the refusal was
// spurious), and in any case after REFUSED_FOR_MS. Otherwise every later call would
// refetch, and frequent gettoken calls get the app blocked for an hour.
const REFUSED_FOR_MS = 120_000;
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

const refusalKey = (key: string, value: string) => `${key}\n${value}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TokenManager {
  private readonly inflight = new Map<string, Promise<TokenRecord>>();
  private readonly cache = new Map<string, TokenRecord>();
  /** `<appId>:<kind>\n<value>` → when WeCom refused that value. */
  private readonly refused = new Map<string, number>();
  /** Identifies this process in Lease rows. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID()}`;

  constructor(private readonly store: TokenStore) {}

  async get(appId: string, kind: TokenKind, source: TokenFetch): Promise<string> {
    const key = `${appId}:${kind}`;
    const cached = this.cache.get(key);
    if (cached && this.usable(key, cached)) return cached.value;
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
    this.pruneRefused();
    // Delete first so that the map's order stays the order of the refusals.
    this.refused.delete(refusalKey(key, value));
    this.refused.set(refusalKey(key, value), Date.now());
    if (this.cache.get(key)?.value === value) this.cache.delete(key);
    await this.store.invalidate(appId, kind, value);
  }

  /**
   * Forgets an app's tokens, cached and stored, after its credentials changed: the next
   * call fetches with the new ones. Another instance may use a token it holds in memory
   * until it expires; WeCom still honours it, as it was issued to the same app.
   */
  async forget(appId: string): Promise<void> {
    for (const kind of ["corp", "suite"] as const) {
      this.cache.delete(`${appId}:${kind}`);
      await this.store.invalidate(appId, kind);
    }
  }

  private usable(key: string, record: TokenRecord): boolean {
    return record.expiresAt.getTime() > Date.now() && !this.isRefused(key, record.value);
  }

  private isRefused(key: string, value: string): boolean {
    const at = this.refused.get(refusalKey(key, value));
    if (at === undefined) return false;
    if (Date.now() - at < REFUSED_FOR_MS) return true;
    this.refused.delete(refusalKey(key, value));
    return false;
  }

  /** Forgets lapsed refusals; past MAX_REFUSED, the oldest ones. */
  private pruneRefused(): void {
    const cutoff = Date.now() - REFUSED_FOR_MS;
    for (const [k, at] of this.refused) {
      if (at <= cutoff || this.refused.size >= MAX_REFUSED) this.refused.delete(k);
      else break; // insertion order is refusal order: the rest are newer
    }
  }

  private async readUsable(appId: string, kind: TokenKind): Promise<TokenRecord | null> {
    const record = await this.store.get(appId, kind);
    return record && this.usable(`${appId}:${kind}`, record) ? record : null;
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
          // WeCom handed this value out just now, so it holds it valid: trust it again.
          this.refused.delete(refusalKey(`${appId}:${kind}`, fetched.token));
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
