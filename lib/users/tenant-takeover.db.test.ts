// No owner gets into another tenant (issue 15, item 2; decision 016). The owner of tenant
// A creates cfo@victim.test with an initial password and makes the account theirs; when
// tenant B's owner adds the same email, A's owner must not reach B, B's owner must not
// reach A through B's invite link or code, and B's owner learns nothing from the answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env.js";
import { addUserSchema } from "@/lib/schemas/users";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { changeOwnPassword } from "./change-password";
import { acceptInvite, isInviteCode } from "./invites";
import { addUser } from "./members";

let t: TestDatabase;
let db: Db;
let tenantA: string;
let tenantB: string;
let ownerA: string;
let ownerB: string;
const COST = { passwordCost: 4 };

const add = (tenantId: string, userId: string, email: string, method: "password" | "invite") =>
  addUser(
    db,
    { tenantId, userId },
    addUserSchema.parse({ email, name: "财务总监", role: "admin", method }),
    COST,
  );
const memberships = async (email: string) =>
  (await db.membership.findMany({ where: { user: { email } }, select: { tenantId: true } })).map(
    (m) => m.tenantId,
  );

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  tenantA = (await db.tenant.create({ data: { name: "A", slug: "a" } })).id;
  tenantB = (await db.tenant.create({ data: { name: "B", slug: "b" } })).id;
  const owner = async (email: string, tenantId: string) => {
    const u = await db.user.create({
      data: { email, name: email, passwordHash: await hashPassword("owner-pass", 4) },
    });
    await db.membership.create({ data: { tenantId, userId: u.id, role: "owner" } });
    return u.id;
  };
  ownerA = await owner("owner@a.test", tenantA);
  ownerB = await owner("owner@b.test", tenantB);
});
afterAll(async () => t?.drop());

/** A's owner creates the account and sets a password of their own on it. */
async function squat(email: string): Promise<string> {
  const made = await add(tenantA, ownerA, email, "password");
  if (!made.ok || made.kind !== "password") throw new Error(JSON.stringify(made));
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const changed = await changeOwnPassword(
    db,
    user.id,
    { current: made.password, password: "a-owner-controls" },
    COST,
  );
  expect(changed).toMatchObject({ ok: true });
  return "a-owner-controls";
}

describe(`one tenant's owner cannot get into another (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("B adding A's account, by invite or by initial password, gives A's owner no way into B", async () => {
    const password = await squat("cfo@victim.test");
    for (const method of ["invite", "password"] as const) {
      const answer = await add(tenantB, ownerB, "cfo@victim.test", method);
      expect(answer.ok).toBe(true);
      // Nothing joined: A's owner signs in as the account and still has only A.
      expect(await memberships("cfo@victim.test")).toEqual([tenantA]);
      const signedIn = await verifyCredentials(
        db,
        { identifier: "cfo@victim.test", password },
        null,
      );
      expect(signedIn.ok).toBe(true);
      // Revoke, so that the second method is not refused as a pending invite.
      await db.invite.updateMany({ where: { tenantId: tenantB }, data: { revokedAt: new Date() } });
    }
  });

  it("B's owner cannot reach A through B's invite link or code: it needs the account's own password", async () => {
    await squat("ceo@victim.test");
    for (const method of ["invite", "password"] as const) {
      const answer = await add(tenantB, ownerB, "ceo@victim.test", method);
      if (!answer.ok) throw new Error(JSON.stringify(answer));
      const secret = answer.kind === "invite" ? answer.token : answer.password;
      // Choosing a new password with the link does not take the account.
      const taken = await acceptInvite(db, secret, "b-owner-chooses", COST);
      expect(taken).toMatchObject({ ok: false, error: "wrong_password" });
      const asB = await verifyCredentials(
        db,
        { identifier: "ceo@victim.test", password: "b-owner-chooses" },
        null,
      );
      expect(asB.ok).toBe(false);
      expect(await memberships("ceo@victim.test")).toEqual([tenantA]);
      await db.invite.updateMany({ where: { tenantId: tenantB }, data: { revokedAt: new Date() } });
    }
  });

  it("the person who holds B's link and the account's password joins B (the honest path)", async () => {
    const password = await squat("person@victim.test");
    const answer = await add(tenantB, ownerB, "person@victim.test", "invite");
    if (!answer.ok || answer.kind !== "invite") throw new Error(JSON.stringify(answer));
    expect(await acceptInvite(db, answer.token, password, COST)).toMatchObject({
      ok: true,
      existingUser: true,
      tenantId: tenantB,
    });
    expect((await memberships("person@victim.test")).sort()).toEqual([tenantA, tenantB].sort());
  });

  it("an initial password given to an existing account opens its invite, never the account", async () => {
    const password = await squat("coded@victim.test");
    const answer = await add(tenantB, ownerB, "coded@victim.test", "password");
    if (!answer.ok || answer.kind !== "password") throw new Error(JSON.stringify(answer));
    // Signing in with the code fails (it is not the account's password) …
    const signIn = await verifyCredentials(
      db,
      { identifier: "coded@victim.test", password: answer.password },
      null,
    );
    expect(signIn).toMatchObject({ ok: false, reason: "invalid" });
    // … and the sign-in page then sends the browser to the invite, for that email only.
    expect(await isInviteCode(db, "coded@victim.test", answer.password)).toBe(true);
    expect(await isInviteCode(db, "someone@victim.test", answer.password)).toBe(false);
    expect(await acceptInvite(db, answer.password, password, COST)).toMatchObject({ ok: true });
    expect(await isInviteCode(db, "coded@victim.test", answer.password)).toBe(false);
  });

  it("answers adding an email with an account elsewhere exactly as adding a new one", async () => {
    await squat("known@victim.test");
    const shape = (v: unknown): unknown =>
      v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]))
        : typeof v === "string"
          ? `string(${v.length})`
          : typeof v;
    for (const method of ["invite", "password"] as const) {
      const known = await add(tenantB, ownerB, "known@victim.test", method);
      const unknown = await add(tenantB, ownerB, `nobody-${method}@victim.test`, method);
      expect(shape(known)).toEqual(shape(unknown));
      await db.invite.updateMany({ where: { tenantId: tenantB }, data: { revokedAt: new Date() } });
    }
  });
});
