// A tenant's people: adding (initial password; an existing user of another tenant only by invite),
// roles, disabling and removing, and the rule that a tenant always keeps an owner, also
// when two owners demote each other at the same moment from two app instances.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env.js";
import { addUserSchema } from "@/lib/schemas/users";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { addUser, changeRole, removeMember, setMemberDisabled } from "./members";
import type { UsersActor } from "./types";

let t: TestDatabase;
let db: Db;
let acme: string;
let other: string;
let ownerId: string;
const COST = { passwordCost: 4 };

async function person(
  email: string,
  memberships: { tenantId: string; role: "owner" | "admin" | "booker" | "viewer" }[],
) {
  const user = await db.user.create({
    data: {
      email,
      name: email.split("@")[0]!,
      passwordHash: await hashPassword("old-password", 4),
    },
  });
  for (const m of memberships) await db.membership.create({ data: { ...m, userId: user.id } });
  return user.id;
}

const as = (userId: string, tenantId = acme): UsersActor => ({ tenantId, userId, ip: "192.0.2.1" });
const input = (v: Record<string, unknown>) =>
  addUserSchema.parse({ name: "新同事", role: "viewer", method: "password", ...v });
const role = async (userId: string, tenantId = acme) =>
  (await db.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } } }))?.role;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  acme = (await db.tenant.create({ data: { name: "Acme", slug: "acme" } })).id;
  other = (await db.tenant.create({ data: { name: "Other", slug: "other" } })).id;
  ownerId = await person("owner@acme.test", [{ tenantId: acme, role: "owner" }]);
});
afterAll(async () => t?.drop());

describe(`adding people (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("creates a user with an initial password shown once, to be changed at first sign-in", async () => {
    const result = await addUser(
      db,
      as(ownerId),
      input({ email: " New@Acme.test ", username: "New.One" }),
      COST,
    );
    expect(result).toMatchObject({ ok: true, kind: "password" });
    if (!result.ok || result.kind !== "password") return;
    expect(result.password).toMatch(/^[A-Za-z2-9]{16}$/);
    const user = await db.user.findUniqueOrThrow({
      where: { email: "new@acme.test" },
      omit: { passwordHash: false },
    });
    expect(user).toMatchObject({ username: "new.one", mustChangePassword: true, name: "新同事" });
    expect(await verifyPassword(result.password, user.passwordHash)).toBe(true);
    expect(await role(user.id)).toBe("viewer");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { tenantId: acme, action: "membership.added", objectId: user.id },
    });
    expect(audit).toMatchObject({
      objectType: "membership",
      actorUserId: ownerId,
      ip: "192.0.2.1",
    });
    expect(audit.diff).toEqual({
      email: "new@acme.test",
      name: "新同事",
      role: { from: null, to: "viewer" },
      via: "password",
    });
    expect(JSON.stringify(audit.diff)).not.toContain(result.password);
  });

  it("never joins a user of another tenant by adding them: they get an invite, their account is untouched", async () => {
    const elsewhere = await person("shared@other.test", [{ tenantId: other, role: "admin" }]);
    const before = await db.user.findUniqueOrThrow({
      where: { id: elsewhere },
      omit: { passwordHash: false },
    });
    const result = await addUser(
      db,
      as(ownerId),
      input({
        email: "SHARED@other.test",
        name: "不同的名字",
        username: "taken-name",
        role: "booker",
      }),
      COST,
    );
    // The answer of a new person (decision 016); the initial password is an invite code.
    expect(result).toEqual({ ok: true, kind: "password", password: expect.any(String) });
    const after = await db.user.findUniqueOrThrow({
      where: { id: elsewhere },
      omit: { passwordHash: false },
    });
    expect(after).toEqual(before);
    expect(await role(elsewhere)).toBeUndefined();
    expect(await role(elsewhere, other)).toBe("admin");
    expect(
      await db.invite.count({
        where: { tenantId: acme, email: "shared@other.test", usedAt: null },
      }),
    ).toBe(1);
  });

  it("refuses a person already in the tenant, and a sign-in name someone has", async () => {
    expect(await addUser(db, as(ownerId), input({ email: "owner@acme.test" }), COST)).toEqual({
      ok: false,
      error: "already_member",
    });
    expect(
      await addUser(
        db,
        as(ownerId),
        input({ email: "fresh@acme.test", username: "new.one" }),
        COST,
      ),
    ).toEqual({ ok: false, error: "username_taken" });
    expect(await db.user.count({ where: { email: "fresh@acme.test" } })).toBe(0);
  });
});

describe("roles, disabling and removing", () => {
  it("changes a role and records from → to", async () => {
    const ann = await person("ann@acme.test", [{ tenantId: acme, role: "viewer" }]);
    expect(await changeRole(db, as(ownerId), ann, "admin")).toEqual({ ok: true, changed: true });
    expect(await role(ann)).toBe("admin");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "membership.role_changed", objectId: ann },
    });
    expect(audit.diff).toMatchObject({
      email: "ann@acme.test",
      role: { from: "viewer", to: "admin" },
    });
    expect(await changeRole(db, as(ownerId), ann, "admin")).toEqual({ ok: true, changed: false });
  });

  it("finds nobody of another tenant", async () => {
    const stranger = await person("stranger@other.test", [{ tenantId: other, role: "viewer" }]);
    expect(await changeRole(db, as(ownerId), stranger, "admin")).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await setMemberDisabled(db, as(ownerId), stranger, true)).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await removeMember(db, as(ownerId), stranger)).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await role(stranger, other)).toBe("viewer");
  });

  it("disables in this tenant only, and signs out a person left with no tenant", async () => {
    const solo = await person("solo@acme.test", [{ tenantId: acme, role: "booker" }]);
    const both = await person("both@acme.test", [
      { tenantId: acme, role: "booker" },
      { tenantId: other, role: "booker" },
    ]);
    expect(await setMemberDisabled(db, as(ownerId), solo, true)).toEqual({
      ok: true,
      changed: true,
      signedOut: true,
    });
    expect(await setMemberDisabled(db, as(ownerId), both, true)).toEqual({
      ok: true,
      changed: true,
      signedOut: false,
    });
    const users = await db.user.findMany({ where: { id: { in: [solo, both] } } });
    expect(users.map((u) => [u.email, u.disabled, u.sessionVersion]).sort()).toEqual([
      ["both@acme.test", false, 0],
      ["solo@acme.test", false, 1],
    ]);
    const memberships = await db.membership.findMany({
      where: { userId: both },
      orderBy: { tenantId: "asc" },
    });
    expect(memberships.find((m) => m.tenantId === other)?.disabled).toBe(false);
    expect(memberships.find((m) => m.tenantId === acme)?.disabled).toBe(true);

    expect(await setMemberDisabled(db, as(ownerId), solo, false)).toMatchObject({
      ok: true,
      changed: true,
    });
    const actions = await db.auditEvent.findMany({
      where: { objectId: solo, action: { startsWith: "membership." } },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["membership.disabled", "membership.enabled"]);
  });

  it("removes the membership, keeps the user and their other tenants", async () => {
    const leaving = await person("leaving@acme.test", [
      { tenantId: acme, role: "admin" },
      { tenantId: other, role: "viewer" },
    ]);
    expect(await removeMember(db, as(ownerId), leaving)).toEqual({ ok: true, signedOut: false });
    expect(await role(leaving)).toBeUndefined();
    expect(await role(leaving, other)).toBe("viewer");
    expect(await db.user.count({ where: { id: leaving } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "membership.removed", objectId: leaving },
    });
    expect(audit.diff).toMatchObject({ role: { from: "admin", to: null } });
  });
});

describe("the last owner", () => {
  it("cannot be demoted, disabled or removed, by anyone, themselves included", async () => {
    const tenant = (await db.tenant.create({ data: { name: "Solo", slug: "solo-owner" } })).id;
    const only = await person("only@solo.test", [{ tenantId: tenant, role: "owner" }]);
    const actor = as(only, tenant);
    expect(await changeRole(db, actor, only, "admin")).toEqual({ ok: false, error: "last_owner" });
    expect(await setMemberDisabled(db, actor, only, true)).toEqual({
      ok: false,
      error: "last_owner",
    });
    expect(await removeMember(db, actor, only)).toEqual({ ok: false, error: "last_owner" });
    expect(
      await db.membership.findFirst({ where: { tenantId: tenant, userId: only } }),
    ).toMatchObject({
      role: "owner",
      disabled: false,
    });
    expect(await db.auditEvent.count({ where: { tenantId: tenant } })).toBe(0);
  });

  it("is not an owner whose account or membership is disabled", async () => {
    const tenant = (await db.tenant.create({ data: { name: "Two", slug: "two-owners" } })).id;
    const a = await person("a@two.test", [{ tenantId: tenant, role: "owner" }]);
    const b = await person("b@two.test", [{ tenantId: tenant, role: "owner" }]);
    expect(await setMemberDisabled(db, as(a, tenant), b, true)).toMatchObject({ ok: true });
    // b is disabled: a is the last active owner now.
    expect(await changeRole(db, as(a, tenant), a, "admin")).toEqual({
      ok: false,
      error: "last_owner",
    });
    // A disabled owner can be demoted or removed: that takes no active owner away.
    expect(await changeRole(db, as(a, tenant), b, "viewer")).toMatchObject({ ok: true });
    const c = await person("c@two.test", [{ tenantId: tenant, role: "owner" }]);
    await db.user.update({ where: { id: c }, data: { disabled: true } });
    expect(await removeMember(db, as(a, tenant), a)).toEqual({ ok: false, error: "last_owner" });
    expect(await removeMember(db, as(a, tenant), c)).toMatchObject({ ok: true });
  });

  it("holds when two owners demote each other at once, from two app instances", async () => {
    // PostgreSQL: a second client is a second instance's connection pool. SQLite: better-
    // sqlite3 waits for a lock synchronously, so two clients in one process would block
    // each other's event loop; one client's transactions queue instead, as in one instance.
    const second = t.provider === "postgresql" ? createDb(t.url) : db;
    try {
      for (let round = 0; round < 5; round++) {
        const tenant = (
          await db.tenant.create({ data: { name: `Race ${round}`, slug: `race-${round}` } })
        ).id;
        const a = await person(`a${round}@race.test`, [{ tenantId: tenant, role: "owner" }]);
        const b = await person(`b${round}@race.test`, [{ tenantId: tenant, role: "owner" }]);
        const results = await Promise.all([
          changeRole(db, as(a, tenant), b, "admin"),
          changeRole(second, as(b, tenant), a, "admin"),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "last_owner" }]);
        expect(await db.membership.count({ where: { tenantId: tenant, role: "owner" } })).toBe(1);
      }
      // Disable and remove race the same way.
      const tenant = (await db.tenant.create({ data: { name: "Race mix", slug: "race-mix" } })).id;
      const a = await person("a@mix.test", [{ tenantId: tenant, role: "owner" }]);
      const b = await person("b@mix.test", [{ tenantId: tenant, role: "owner" }]);
      const results = await Promise.all([
        setMemberDisabled(db, as(a, tenant), b, true),
        removeMember(second, as(b, tenant), a),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(
        await db.membership.count({ where: { tenantId: tenant, role: "owner", disabled: false } }),
      ).toBe(1);
    } finally {
      if (second !== db) await second.$disconnect();
    }
  });
});
