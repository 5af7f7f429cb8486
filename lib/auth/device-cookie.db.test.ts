// A sign-in delay an attacker cannot turn into a lockout (issue 15, item 4; decision 008,
// OWASP "Slow Down Online Guessing Attacks with Device Cookies"). With the default
// TRUSTED_PROXY_HOPS=0 every client shares the delay of a name; an attacker who keeps
// failing for the owner's email keeps strangers waiting, but the browser the owner signed
// in with before carries a device cookie with its own counter and gets in at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { DEVICE_MAX_FAILURES, signDeviceCookie } from "./device-cookie.ts";
import { FREE_FAILURES } from "./login-delay.ts";
import { createLoginLimiter } from "./login-limiter.ts";
import { hashPassword } from "./password.ts";
import { verifyCredentials } from "./verify-credentials.ts";

let t: TestDatabase;
const RIGHT = "owner's own password";
const OWNER = "owner@example.com";

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.user.create({
    data: { email: OWNER, name: "owner", passwordHash: await hashPassword(RIGHT, 4) },
  });
});
afterAll(async () => t?.drop());

/** The attacker fails for the owner's name until its shared delay is running. */
async function attackUntilDelayed(limiter: ReturnType<typeof createLoginLimiter>) {
  for (let i = 0; i < 50; i++) {
    const r = await verifyCredentials(
      t.db,
      { identifier: OWNER, password: `guess-${i}` },
      null,
      limiter,
    );
    if (!r.ok && r.reason === "delayed") return;
  }
  throw new Error("never delayed");
}

describe(`device cookies (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("lets the owner's browser in at once while an attacker keeps the name's delay running", async () => {
    const clock = Date.now();
    const limiter = createLoginLimiter(t.db, () => clock);
    const attempt = (password: string, device: string | null = null) =>
      verifyCredentials(t.db, { identifier: OWNER, password }, null, limiter, device);

    // Yesterday the owner signed in from this browser: it got a device cookie.
    const before = await attempt(RIGHT);
    expect(before).toMatchObject({ ok: true, device: expect.any(String) });
    const cookie = before.ok ? before.device : "";

    // The attacker fails for the owner's name, with no address to tell clients apart.
    for (let i = 0; i < FREE_FAILURES; i++) await attempt(`guess-${i}`);
    await attackUntilDelayed(limiter);
    // A stranger with the right password waits too: the name's counter is shared.
    expect(await attempt(RIGHT)).toMatchObject({ ok: false, reason: "delayed" });
    // The owner's browser is not slowed down.
    expect(await attempt(RIGHT, cookie)).toMatchObject({ ok: true, device: expect.any(String) });
    // Guessing still waits after that.
    expect(await attempt("guess-after")).toMatchObject({ ok: false, reason: "delayed" });
  });

  it("counts a device cookie's failures on its own and locks it out when they are too many", async () => {
    const clock = Date.now();
    const limiter = createLoginLimiter(t.db, () => clock);
    const cookie = signDeviceCookie(OWNER);
    const attempt = (password: string, device: string | null) =>
      verifyCredentials(t.db, { identifier: OWNER, password }, null, limiter, device);
    for (let i = 0; i < DEVICE_MAX_FAILURES; i++)
      expect(await attempt(`stolen-${i}`, cookie)).toMatchObject({ ok: false, reason: "invalid" });
    // Locked out: it is an untrusted client now, and shares the name's delay.
    await attackUntilDelayed(limiter);
    expect(await attempt(RIGHT, cookie)).toMatchObject({ ok: false, reason: "delayed" });
  });

  it("trusts no cookie it did not sign, nor one made for another name", async () => {
    const clock = Date.now();
    const limiter = createLoginLimiter(t.db, () => clock);
    const signed = signDeviceCookie(OWNER);
    const forged = signed.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    // The last character changed in the bits base64url ignores: the same bytes, another text.
    const respelled = signed.replace(/.$/, (c) => String.fromCharCode(c.charCodeAt(0) + 1));
    const other = signDeviceCookie("someone@example.com");
    await attackUntilDelayed(limiter);
    for (const device of [forged, respelled, other, "garbage", ""]) {
      const r = await verifyCredentials(
        t.db,
        { identifier: OWNER, password: RIGHT },
        null,
        limiter,
        device,
      );
      expect(r, device).toMatchObject({ ok: false, reason: "delayed" });
    }
  });
});
