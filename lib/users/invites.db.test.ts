// Invite links: one use, until they expire or are revoked; only a hash is stored; the
// person sets their own password and can sign in with it; an email that is already a
// user elsewhere joins only with that account's own password (decision 016).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env.js";
import { addUserSchema } from "@/lib/schemas/users";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { acceptInvite, INVITE_DAYS, readInvite, revokeInvite } from "./invites";
import { addUser } from "./members";
import { hashInviteToken } from "./tokens";

let t: TestDatabase;
let db: Db;
let acme: string;
let ownerId: string;
const COST = { passwordCost: 4 };
const DAY = 24 * 3600_000;

async function invite(email: string, extra: Record<string, unknown> = {}) {
  const result = await addUser(
    db,
    { tenantId: acme, userId: ownerId },
    addUserSchema.parse({ email, name: "受邀者", role: "booker", method: "invite", ...extra }),
    COST,
  );
  if (!result.ok || result.kind !== "invite")
    throw new Error(`no invite: ${JSON.stringify(result)}`);
  return result;
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  acme = (await db.tenant.create({ data: { name: "Acme", slug: "acme" } })).id;
  const owner = await db.user.create({
    data: { email: "owner@acme.test", name: "Owner", passwordHash: await hashPassword("x", 4) },
  });
  ownerId = owner.id;
  await db.membership.create({ data: { tenantId: acme, userId: ownerId, role: "owner" } });
});
afterAll(async () => t?.drop());

describe(`invites (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("stores only the token's hash, expires in 7 days, and is recorded without the token", async () => {
    const before = Date.now();
    const { token, inviteId, expiresAt } = await invite("first@acme.test", { username: "first" });
    expect(token).toMatch(/^[\w-]{43}$/);
    const row = await db.invite.findUniqueOrThrow({
      where: { id: inviteId },
      omit: { tokenHash: false },
    });
    expect(row.tokenHash).toBe(hashInviteToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(expiresAt.getTime() - before).toBeGreaterThanOrEqual(INVITE_DAYS * DAY - 1000);
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(INVITE_DAYS * DAY + 1000);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "invite.created", objectId: inviteId },
    });
    expect(audit.objectType).toBe("membership");
    expect(JSON.stringify(audit)).not.toContain(token);
    // No user exists until the person accepts.
    expect(await db.user.count({ where: { email: "first@acme.test" } })).toBe(0);
  });

  it("lets the person set a password once, then sign in with it", async () => {
    const { token } = await invite("second@acme.test", { username: "second" });
    expect(await readInvite(db, token)).toEqual({
      status: "valid",
      email: "second@acme.test",
      name: "受邀者",
      tenantName: "Acme",
      existingUser: false,
    });
    expect(await acceptInvite(db, token, "chosen-password", COST)).toEqual({
      ok: true,
      email: "second@acme.test",
      existingUser: false,
      tenantId: acme,
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: "second@acme.test" } });
    expect(user).toMatchObject({ username: "second", mustChangePassword: false });
    expect(
      await db.membership.findFirst({ where: { tenantId: acme, userId: user.id } }),
    ).toMatchObject({ role: "booker" });
    expect(
      await verifyCredentials(db, { identifier: "second", password: "chosen-password" }, null),
    ).toMatchObject({ ok: true });

    expect(await readInvite(db, token)).toEqual({ status: "used" });
    expect(await acceptInvite(db, token, "another-password", COST)).toEqual({
      ok: false,
      error: "used",
    });
    const after = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      omit: { passwordHash: false },
    });
    expect(await verifyPassword("chosen-password", after.passwordHash)).toBe(true);
  });

  it("refuses an expired, a revoked and an unknown link, each with its reason", async () => {
    const expired = await invite("late@acme.test");
    const later = new Date(Date.now() + (INVITE_DAYS + 1) * DAY);
    expect(await readInvite(db, expired.token, later)).toEqual({ status: "expired" });
    expect(await acceptInvite(db, expired.token, "chosen-password", COST, later)).toEqual({
      ok: false,
      error: "expired",
    });

    const revoked = await invite("revoked@acme.test");
    expect(await revokeInvite(db, { tenantId: acme, userId: ownerId }, revoked.inviteId)).toEqual({
      ok: true,
    });
    expect(await readInvite(db, revoked.token)).toEqual({ status: "revoked" });
    expect(await acceptInvite(db, revoked.token, "chosen-password", COST)).toEqual({
      ok: false,
      error: "revoked",
    });
    expect(await readInvite(db, "not-a-token")).toEqual({ status: "invalid" });
    expect(
      await db.user.count({ where: { email: { in: ["late@acme.test", "revoked@acme.test"] } } }),
    ).toBe(0);
  });

  it("refuses a second invite while one is pending, and another tenant's revoke", async () => {
    await invite("twice@acme.test");
    expect(
      await addUser(
        db,
        { tenantId: acme, userId: ownerId },
        addUserSchema.parse({
          email: "twice@acme.test",
          name: "x",
          role: "viewer",
          method: "invite",
        }),
        COST,
      ),
    ).toEqual({ ok: false, error: "invite_pending" });
    const { inviteId } = await invite("mine@acme.test");
    expect(await revokeInvite(db, { tenantId: "other-tenant", userId: ownerId }, inviteId)).toEqual(
      {
        ok: false,
        error: "not_found",
      },
    );
  });

  it("is used once even when submitted twice at the same moment", async () => {
    const { token } = await invite("double@acme.test");
    const results = await Promise.all([
      acceptInvite(db, token, "first-password", COST),
      acceptInvite(db, token, "second-password", COST),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { email: "double@acme.test" } })).toBe(1);
  });

  it("joins an email that became a user meanwhile only with that account's password, which stays", async () => {
    const { token } = await invite("meanwhile@acme.test");
    const other = await db.tenant.create({ data: { name: "Other", slug: "other" } });
    const existing = await db.user.create({
      data: {
        email: "meanwhile@acme.test",
        name: "Elsewhere",
        passwordHash: await hashPassword("own-password", 4),
      },
    });
    await db.membership.create({
      data: { tenantId: other.id, userId: existing.id, role: "viewer" },
    });
    expect(await readInvite(db, token)).toMatchObject({ status: "valid", existingUser: true });
    expect(await acceptInvite(db, token, "link-holder-choice", COST)).toEqual({
      ok: false,
      error: "wrong_password",
    });
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(1);
    expect(await acceptInvite(db, token, "own-password", COST)).toEqual({
      ok: true,
      email: "meanwhile@acme.test",
      existingUser: true,
      tenantId: acme,
    });
    const user = await db.user.findUniqueOrThrow({
      where: { id: existing.id },
      omit: { passwordHash: false },
    });
    expect(await verifyPassword("own-password", user.passwordHash)).toBe(true);
    expect(user.name).toBe("Elsewhere");
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(2);
  });

  it("keeps the link usable when the sign-in name was taken meanwhile", async () => {
    const { token } = await invite("clash@acme.test", { username: "clash" });
    await db.user.create({
      data: { email: "someone@else.test", username: "clash", name: "x", passwordHash: "x" },
    });
    expect(await acceptInvite(db, token, "chosen-password", COST)).toEqual({
      ok: false,
      error: "username_taken",
    });
    expect(await readInvite(db, token)).toMatchObject({ status: "valid" });
  });
});
