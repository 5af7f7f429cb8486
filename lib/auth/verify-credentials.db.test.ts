// Sign-in: right and wrong passwords, disabled users, and the failure limit that
// holds across app instances because it is counted in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { hashPassword } from "./password.ts";
import { verifyCredentials } from "./verify-credentials.ts";

let t: TestDatabase;
const IP = "203.0.113.7";

beforeAll(async () => {
  t = await createTestDatabase();
  const passwordHash = await hashPassword("correct horse", 4);
  await t.db.user.create({
    data: { email: "ann@example.com", username: "ann", name: "Ann", passwordHash },
  });
  await t.db.user.create({ data: { email: "bob@example.com", name: "Bob", passwordHash } });
  await t.db.user.create({
    data: { email: "off@example.com", name: "Off", passwordHash, disabled: true },
  });
});
afterAll(async () => t?.drop());

describe(`verifyCredentials (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("accepts the right password by email (any case) or username", async () => {
    expect(
      await verifyCredentials(
        t.db,
        { identifier: "ANN@example.com", password: "correct horse" },
        IP,
      ),
    ).toMatchObject({
      ok: true,
      user: { email: "ann@example.com" },
    });
    expect(
      await verifyCredentials(t.db, { identifier: "ann", password: "correct horse" }, IP),
    ).toMatchObject({ ok: true });
  });

  it("refuses a wrong password, an unknown user and a disabled user alike", async () => {
    for (const identifier of ["ann@example.com", "nobody@example.com", "off@example.com"]) {
      const password = identifier.startsWith("ann") ? "wrong" : "correct horse";
      expect(await verifyCredentials(t.db, { identifier, password }, "198.51.100.1")).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });

  it(`locks an account after ${env.LOGIN_MAX_FAILURES} failures, even for the right password`, async () => {
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i++) {
      await verifyCredentials(t.db, { identifier: "bob@example.com", password: `guess-${i}` }, IP);
    }
    const locked = await verifyCredentials(
      t.db,
      { identifier: "bob@example.com", password: "correct horse" },
      IP,
    );
    expect(locked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((locked as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
    // Another account is not locked by Bob's failures.
    expect(
      await verifyCredentials(t.db, { identifier: "ann", password: "correct horse" }, "192.0.2.9"),
    ).toMatchObject({ ok: true });
  });

  it("holds the limit when many attempts arrive at once", async () => {
    await t.db.user.create({
      data: {
        email: "cat@example.com",
        name: "Cat",
        passwordHash: await hashPassword("correct horse", 4),
      },
    });
    const attempts = Array.from({ length: 20 }, (_, i) =>
      verifyCredentials(
        t.db,
        { identifier: "cat@example.com", password: i === 19 ? "correct horse" : `guess-${i}` },
        null,
      ),
    );
    const results = await Promise.all(attempts);
    const checked = results.filter((r) => r.ok || r.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(env.LOGIN_MAX_FAILURES);
    expect(
      results.filter((r) => !r.ok && r.reason === "rate_limited").length,
    ).toBeGreaterThanOrEqual(20 - env.LOGIN_MAX_FAILURES);
  });

  it("gives the attempt back on success, so a person who types right is never locked out", async () => {
    for (let i = 0; i < env.LOGIN_MAX_FAILURES * 2; i++) {
      expect(
        await verifyCredentials(t.db, { identifier: "ann", password: "correct horse" }, null),
      ).toMatchObject({ ok: true });
    }
  });

  it("counts attempts per account, whether it is named by email or by username", async () => {
    await t.db.user.create({
      data: {
        email: "dan@example.com",
        username: "dan",
        name: "Dan",
        passwordHash: await hashPassword("correct horse", 4),
      },
    });
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i++) {
      const identifier = i % 2 === 0 ? "dan@example.com" : "DAN";
      await verifyCredentials(t.db, { identifier, password: `guess-${i}` }, null);
    }
    expect(
      await verifyCredentials(t.db, { identifier: "dan", password: "correct horse" }, null),
    ).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
  });
});
