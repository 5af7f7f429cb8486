// Sign-in: right and wrong passwords, disabled users, and the two failure limits (a
// progressive delay per name and address, a cap per address), which hold across app
// instances because they are counted in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { FREE_FAILURES } from "./login-delay.ts";
import { createLoginLimiter } from "./login-limiter.ts";
import { hashPassword } from "./password.ts";
import { verifyCredentials } from "./verify-credentials.ts";

let t: TestDatabase;
const IP = "203.0.113.7";
const RIGHT = "correct horse";

async function addUser(email: string, extra: { username?: string; disabled?: boolean } = {}) {
  const passwordHash = await hashPassword(RIGHT, 4);
  await t.db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash, ...extra } });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await addUser("ann@example.com", { username: "ann" });
  await addUser("bob@example.com");
  await addUser("off@example.com", { disabled: true });
});
afterAll(async () => t?.drop());

describe(`verifyCredentials (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("accepts the right password by email (any case) or username", async () => {
    expect(
      await verifyCredentials(t.db, { identifier: "ANN@example.com", password: RIGHT }, IP),
    ).toMatchObject({ ok: true, user: { email: "ann@example.com" } });
    expect(await verifyCredentials(t.db, { identifier: "ann", password: RIGHT }, IP)).toMatchObject(
      { ok: true },
    );
  });

  it("refuses a wrong password, an unknown user and a disabled user alike", async () => {
    for (const identifier of ["ann@example.com", "nobody@example.com", "off@example.com"]) {
      const password = identifier.startsWith("ann") ? "wrong" : RIGHT;
      expect(await verifyCredentials(t.db, { identifier, password }, "198.51.100.1")).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });
});

describe("the per-address limit", () => {
  it("never blocks a correct sign-in, however many came before from the same address", async () => {
    const office = "198.51.100.50";
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_IP + 10; i++) {
      const identifier = i % 2 === 0 ? "ann" : "bob@example.com";
      expect(
        await verifyCredentials(t.db, { identifier, password: RIGHT }, office),
        `sign-in ${i + 1}`,
      ).toMatchObject({ ok: true });
    }
  });

  it(`refuses an address for the window after ${env.LOGIN_MAX_FAILURES_PER_IP} failures from it`, async () => {
    const sprayer = "198.51.100.66";
    const passwordHash = await hashPassword(RIGHT, 4);
    const names = Array.from(
      { length: env.LOGIN_MAX_FAILURES_PER_IP },
      (_, i) => `u${i}@example.com`,
    );
    await t.db.user.createMany({
      data: names.map((email) => ({ email, name: email, passwordHash })),
    });
    // One guess at each of many names: no name's delay starts, only the address counts.
    for (const identifier of names) {
      expect(await verifyCredentials(t.db, { identifier, password: "x" }, sprayer)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const refused = await verifyCredentials(t.db, { identifier: "ann", password: RIGHT }, sprayer);
    expect(refused).toMatchObject({ ok: false, reason: "address_blocked" });
    const retryAfter = (refused as { retryAfter: number }).retryAfter;
    expect(retryAfter).toBeGreaterThan(env.LOGIN_WINDOW_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(env.LOGIN_WINDOW_SECONDS);
    // Another address is not refused.
    expect(
      await verifyCredentials(t.db, { identifier: "ann", password: RIGHT }, "198.51.100.67"),
    ).toMatchObject({ ok: true });
  });
});

describe("the progressive delay per name and address", () => {
  it("lets the owner sign in from their own address after 20 failures from another", async () => {
    const attacker = "192.0.2.66";
    for (let i = 0; i < 20; i++) {
      const r = await verifyCredentials(
        t.db,
        { identifier: "bob@example.com", password: `guess-${i}` },
        attacker,
      );
      expect(r.ok).toBe(false);
    }
    expect(
      await verifyCredentials(t.db, { identifier: "bob@example.com", password: RIGHT }, IP),
    ).toMatchObject({ ok: true });
  });

  it("counts the email and the username of one account apart", async () => {
    await addUser("dan@example.com", { username: "dan" });
    for (let i = 0; i < FREE_FAILURES + 2; i++) {
      await verifyCredentials(t.db, { identifier: "dan@example.com", password: `g${i}` }, IP);
    }
    expect(
      await verifyCredentials(t.db, { identifier: "dan@example.com", password: RIGHT }, IP),
    ).toMatchObject({ ok: false, reason: "delayed" });
    expect(await verifyCredentials(t.db, { identifier: "DAN", password: RIGHT }, IP)).toMatchObject(
      { ok: true },
    );
  });

  it("makes each further failure wait longer, and answers without checking the password meanwhile", async () => {
    await addUser("eve@example.com");
    let clock = Date.now();
    const limiter = createLoginLimiter(t.db, () => clock);
    const attempt = (password: string) =>
      verifyCredentials(t.db, { identifier: "eve@example.com", password }, IP, limiter);

    for (let i = 0; i < FREE_FAILURES; i++) {
      expect(await attempt(`g${i}`), `free failure ${i + 1}`).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      expect(await attempt(`h${i}`)).toEqual({ ok: false, reason: "invalid" });
      // Even the right password is refused while the wait runs: it is not checked.
      const refused = await attempt(RIGHT);
      expect(refused).toMatchObject({ ok: false, reason: "delayed" });
      const wait = (refused as { retryAfter: number }).retryAfter;
      waits.push(wait);
      clock += wait * 1000;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30]);
    // Once the wait is over the right password gets in, and the count starts again.
    expect(await attempt(RIGHT)).toMatchObject({ ok: true });
    for (let i = 0; i < FREE_FAILURES + 1; i++) {
      expect(await attempt(`k${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("holds the delay when many attempts arrive at once", async () => {
    await addUser("cat@example.com");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        verifyCredentials(
          t.db,
          { identifier: "cat@example.com", password: i === 19 ? RIGHT : `guess-${i}` },
          null,
        ),
      ),
    );
    const checked = results.filter((r) => r.ok || r.reason === "invalid").length;
    // The free failures, then one attempt that holds the turn: the rest must wait.
    expect(checked).toBeLessThanOrEqual(FREE_FAILURES + 2);
    expect(results.filter((r) => !r.ok && r.reason === "delayed").length).toBeGreaterThanOrEqual(
      20 - FREE_FAILURES - 2,
    );
  });
});
