import "server-only";
import type { Db } from "@/lib/db/client.ts";

// When the next sign-in attempt for a key may start: one row per key in the rate
// limiter's table (`expire` = not before), so every app instance sees the same wait.
// A turn is claimed with one conditional write, so of several attempts sent at once
// only one gets it; the others are told how long to wait.

export type Turn = { ok: true } | { ok: false; waitMs: number };

export interface LoginTurns {
  /** Takes the turn of `key` and holds it for `holdMs`, or says how long it is still held. */
  claim(key: string, holdMs: number): Promise<Turn>;
  /** The next attempt for `key` waits `ms` from now; a longer wait already set is kept. */
  push(key: string, ms: number): Promise<void>;
  clear(key: string): Promise<void>;
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === "P2002";
}

export function createLoginTurns(db: Db, now: () => number = Date.now): LoginTurns {
  const rows = db.rateLimiterFlexible;
  const rowKey = (key: string) => `login-turn:${key}`;

  async function createOrKeep(key: string, expire: Date): Promise<boolean> {
    try {
      await rows.create({ data: { key, points: 1, expire } });
      return true;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return false;
    }
  }

  return {
    async claim(key, holdMs) {
      const at = new Date(now());
      const until = new Date(at.getTime() + holdMs);
      const k = rowKey(key);
      const taken = await rows.updateMany({
        where: { key: k, expire: { lte: at } },
        data: { expire: until },
      });
      if (taken.count === 1 || (await createOrKeep(k, until))) return { ok: true };
      const row = await rows.findUnique({ where: { key: k } });
      const waitMs = (row?.expire?.getTime() ?? 0) - at.getTime();
      return { ok: false, waitMs: Math.max(waitMs, 1000) };
    },
    async push(key, ms) {
      const until = new Date(now() + ms);
      const k = rowKey(key);
      const moved = await rows.updateMany({
        where: { key: k, expire: { lt: until } },
        data: { expire: until },
      });
      if (moved.count === 0) await createOrKeep(k, until);
    },
    async clear(key) {
      await rows.deleteMany({ where: { key: rowKey(key) } });
    },
  };
}
