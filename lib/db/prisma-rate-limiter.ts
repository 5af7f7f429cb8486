// rate-limiter-flexible's Prisma store (RateLimiterPrisma, 11.x), counting with one write
// per request where the store makes two. Its _upsert deletes the key's row when its window
// has ended and then upserts with an increment: two write transactions on every API call
// and sign-in attempt, each queued behind SQLite's one writer. Here the increment comes
// first; only when the row it lands on had already expired (once per key per window) is
// the window restarted, by a conditional update that one request wins. A request that
// loses that race counts again in the new window, so no request goes uncounted.
import { RateLimiterPrisma } from "rate-limiter-flexible";
import type { Db } from "./client";

interface Row {
  key: string;
  points: number;
  expire: Date | null;
}

export class OneWriteRateLimiter extends RateLimiterPrisma {
  readonly #rows: Db["rateLimiterFlexible"];

  constructor(opts: ConstructorParameters<typeof RateLimiterPrisma>[0] & { storeClient: Db }) {
    super({ ...opts, tableName: "rateLimiterFlexible" });
    this.#rows = opts.storeClient.rateLimiterFlexible;
  }

  /** The store's write (rate-limiter-flexible calls it for consume, penalty, reward, set). */
  async _upsert(
    key: string,
    points: number,
    msDuration: number,
    forceExpire = false,
  ): Promise<Row> {
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    if (forceExpire)
      return this.#rows.upsert({
        where: { key },
        create: { key, points, expire },
        update: { points, expire },
      });
    const increment = () =>
      this.#rows.upsert({
        where: { key },
        create: { key, points, expire },
        update: { points: { increment: points } },
      });
    const row = await increment();
    if (row.expire === null || row.expire > now) return row;
    // The row was a past window's: start this one with this request's points.
    const restarted = await this.#rows.updateMany({
      where: { key, expire: { lte: now } },
      data: { points, expire },
    });
    return restarted.count === 1 ? { key, points, expire } : increment();
  }
}
