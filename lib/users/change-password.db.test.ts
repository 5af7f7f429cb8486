// Changing one's own password: the current one must be right, the new one replaces it,
// the initial-password flag clears, every session ends, and each tenant records it.
import { FREE_FAILURES } from "@/lib/auth/login-delay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { changeOwnPassword } from "./change-password";

let t: TestDatabase;
let db: Db;
let userId: string;
const tenants: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  const user = await db.user.create({
    data: {
      email: "pat@acme.test",
      name: "Pat",
      passwordHash: await hashPassword("initial-password", 4),
      mustChangePassword: true,
    },
  });
  userId = user.id;
  for (const slug of ["one", "two"]) {
    const tenant = await db.tenant.create({ data: { name: slug, slug } });
    tenants.push(tenant.id);
    await db.membership.create({ data: { tenantId: tenant.id, userId, role: "viewer" } });
  }
});
afterAll(async () => t?.drop());

describe(`changeOwnPassword (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("refuses a wrong current password and changes nothing", async () => {
    expect(
      await changeOwnPassword(
        db,
        userId,
        { current: "wrong", password: "brand-new-pass" },
        { passwordCost: 4 },
      ),
    ).toEqual({ ok: false, error: "wrong_current" });
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      omit: { passwordHash: false },
    });
    expect(await verifyPassword("initial-password", user.passwordHash)).toBe(true);
    expect(user).toMatchObject({ mustChangePassword: true, sessionVersion: 0 });
  });

  it("sets the new password, clears the flag, ends the sessions, and records it in each tenant", async () => {
    expect(
      await changeOwnPassword(
        db,
        userId,
        { current: "initial-password", password: "brand-new-pass" },
        { passwordCost: 4, ip: "192.0.2.5" },
      ),
    ).toEqual({ ok: true });
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      omit: { passwordHash: false },
    });
    expect(await verifyPassword("brand-new-pass", user.passwordHash)).toBe(true);
    expect(user).toMatchObject({ mustChangePassword: false, sessionVersion: 1 });
    const events = await db.auditEvent.findMany({ where: { action: "user.password_changed" } });
    expect(events.map((e) => e.tenantId).sort()).toEqual([...tenants].sort());
    for (const e of events) {
      expect(e).toMatchObject({
        objectType: "user",
        objectId: userId,
        actorUserId: userId,
        ip: "192.0.2.5",
      });
      expect(JSON.stringify(e.diff)).not.toMatch(/brand-new-pass|initial-password|\$2[aby]\$/);
    }
  });

  it(`makes a guesser wait after ${FREE_FAILURES + 1} wrong current passwords`, async () => {
    for (let i = 0; i <= FREE_FAILURES; i++)
      await changeOwnPassword(
        db,
        userId,
        { current: `guess-${i}`, password: "another-pass" },
        { passwordCost: 4 },
      );
    expect(
      await changeOwnPassword(
        db,
        userId,
        { current: "brand-new-pass", password: "another-pass" },
        { passwordCost: 4 },
      ),
    ).toMatchObject({ ok: false, error: "rate_limited" });
  });
});
