// The rate limiter's store (prisma-rate-limiter.ts), on SQLite and PostgreSQL: every
// request counted, a refusal past the budget with the time left, a new window once the
// last has ended, no request lost when many arrive as a window ends, and one write each.
import { RateLimiterRes } from "rate-limiter-flexible";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { withOperationLog } from "@/lib/testing/operation-log";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { OneWriteRateLimiter } from "./prisma-rate-limiter";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const limiter = (db: Db, points: number, keyPrefix: string) =>
  new OneWriteRateLimiter({
    storeClient: db,
    keyPrefix,
    points,
    duration: 60,
    clearExpiredByTimeout: false,
  });
const row = (key: string) => t.db.rateLimiterFlexible.findUniqueOrThrow({ where: { key } });
/** The key's window ended a second ago. */
const expire = (key: string) =>
  t.db.rateLimiterFlexible.update({
    where: { key },
    data: { expire: new Date(Date.now() - 1000) },
  });

it("counts every request and refuses past the budget, saying how long to wait", async () => {
  const rl = limiter(t.db, 3, "count");
  for (let i = 1; i <= 3; i++) expect((await rl.consume("k")).consumedPoints).toBe(i);
  const refused = await rl.consume("k").catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(RateLimiterRes);
  expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(58_000);
  expect((refused as RateLimiterRes).msBeforeNext).toBeLessThanOrEqual(60_000);
  expect((await row("count:k")).points).toBe(4);
});

it("starts a new window once the last one has ended", async () => {
  const rl = limiter(t.db, 2, "window");
  await rl.consume("k");
  await rl.consume("k");
  await expect(rl.consume("k")).rejects.toBeInstanceOf(RateLimiterRes);
  await expire("window:k");
  const res = await rl.consume("k");
  expect(res.consumedPoints).toBe(1);
  expect(res.msBeforeNext).toBeGreaterThan(58_000);
  const r = await row("window:k");
  expect(r.points).toBe(1);
  expect(r.expire!.getTime()).toBeGreaterThan(Date.now() + 58_000);
});

it("loses no request when many arrive just as a window ends", async () => {
  const rl = limiter(t.db, 1000, "race");
  await rl.consume("k");
  await expire("race:k");
  await Promise.all(Array.from({ length: 12 }, () => rl.consume("k")));
  expect((await row("race:k")).points).toBe(12);
});

it("writes once per request within a window", async () => {
  const { db, ops } = withOperationLog(t.db);
  const rl = limiter(db, 10, "writes");
  for (let i = 0; i < 5; i++) await rl.consume("k");
  const writes = ops
    .filter((o) => o.model === "RateLimiterFlexible" && !o.operation.startsWith("find"))
    .map((o) => o.operation);
  expect(writes).toEqual(["upsert", "upsert", "upsert", "upsert", "upsert"]);
});
