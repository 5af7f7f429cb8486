// In-memory TokenStore for tests, the bench and single-process tools. Several client
// instances sharing one of these behave like app instances sharing a database.
import type { TokenKind } from "../types.ts";
import type { TokenRecord, TokenStore } from "./types.ts";

export class MemoryTokenStore implements TokenStore {
  readonly tokens = new Map<string, TokenRecord>();
  readonly leases = new Map<string, { owner: string; lockedUntil: number }>();
  /** How many times each lease was granted: lets a test see who fetched. */
  leaseGrants = 0;

  async get(appId: string, kind: TokenKind): Promise<TokenRecord | null> {
    const rec = this.tokens.get(`${appId}:${kind}`);
    return rec ? { ...rec } : null;
  }

  async put(appId: string, kind: TokenKind, record: TokenRecord): Promise<void> {
    this.tokens.set(`${appId}:${kind}`, { ...record });
  }

  async invalidate(appId: string, kind: TokenKind, onlyValue?: string): Promise<void> {
    const key = `${appId}:${kind}`;
    if (onlyValue === undefined || this.tokens.get(key)?.value === onlyValue)
      this.tokens.delete(key);
  }

  async tryAcquireLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const held = this.leases.get(name);
    if (held && held.lockedUntil > now && held.owner !== owner) return false;
    this.leases.set(name, { owner, lockedUntil: now + ttlMs });
    this.leaseGrants++;
    return true;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    if (this.leases.get(name)?.owner === owner) this.leases.delete(name);
  }
}
