// API keys from the settings page: created (only the hash is stored), listed, revoked
// (then refused by authenticateApiKey), names unique among a tenant's active keys, and
// another tenant's key out of reach.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceProcessDb } from "@/lib/db/client.ts";
import { scopeToTenant } from "@/lib/db/tenant-scope.ts";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { authenticateApiKey } from "./authenticate.ts";
import { createApiKey } from "./create-key.ts";
import { listApiKeys } from "./list-keys.ts";
import { revokeApiKey } from "./revoke-key.ts";

let t: TestDatabase;
let a: string;
let b: string;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await createTestDatabase();
  replaceProcessDb(t.db);
  a = (await t.db.tenant.create({ data: { name: "示例科技", slug: "a" } })).id;
  b = (await t.db.tenant.create({ data: { name: "Other", slug: "b" } })).id;
  const user = (email: string, name: string) =>
    t.db.user.create({ data: { email, name, passwordHash: "x" } });
  alice = (await user("alice@example.com", "Alice")).id;
  bob = (await user("bob@example.com", "Bob")).id;
  await t.db.membership.create({ data: { tenantId: a, userId: alice, role: "admin" } });
  await t.db.membership.create({ data: { tenantId: b, userId: bob, role: "owner" } });
});
afterAll(async () => t?.drop());

const inA = () => scopeToTenant(t.db, a);
const bearer = (key: string) => `Bearer ${key}`;

describe(`API keys (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("stores the key's hash and prefix, never the key, and the key then authenticates", async () => {
    const made = await createApiKey(
      inA(),
      { tenantId: a, userId: alice },
      {
        name: "OA 审批流",
        role: "booker",
      },
    );
    if (!made.ok) throw new Error("not created");
    expect(made.key).toMatch(/^mbk_[A-Za-z0-9_-]{40,}$/);
    expect(made.key.startsWith(made.prefix)).toBe(true);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({
      tenantId: a,
      createdById: alice,
      role: "booker",
      prefix: made.prefix,
    });
    expect(JSON.stringify(row)).not.toContain(made.key);
    expect(JSON.stringify(row)).not.toContain(made.key.slice(made.prefix.length));

    const principal = await authenticateApiKey(bearer(made.key));
    expect(principal).toMatchObject({ tokenId: made.id, tokenName: "OA 审批流", role: "booker" });
    expect(principal?.tenant.id).toBe(a);
  });

  it("keeps names unique among active keys; a revoked key's name is free again", async () => {
    const values = { name: "ESB", role: "viewer" } as const;
    const first = await createApiKey(inA(), { tenantId: a, userId: alice }, values);
    expect(first.ok).toBe(true);
    expect(await createApiKey(inA(), { tenantId: a, userId: alice }, values)).toEqual({
      ok: false,
      error: "nameTaken",
    });
    // Another tenant may use the same name.
    expect(
      (await createApiKey(scopeToTenant(t.db, b), { tenantId: b, userId: bob }, values)).ok,
    ).toBe(true);
    if (!first.ok) return;
    await revokeApiKey(inA(), { userId: alice }, first.id);
    expect((await createApiKey(inA(), { tenantId: a, userId: alice }, values)).ok).toBe(true);
  });

  it("revokes at once: the key is refused, the row stays with when and by whom", async () => {
    const made = await createApiKey(
      inA(),
      { tenantId: a, userId: alice },
      {
        name: "旧流程",
        role: "admin",
      },
    );
    if (!made.ok) throw new Error("not created");
    expect(await authenticateApiKey(bearer(made.key))).not.toBeNull();
    const now = new Date("2030-01-01T08:00:00Z");
    expect(await revokeApiKey(inA(), { userId: alice }, made.id, now)).toMatchObject({
      ok: true,
      name: "旧流程",
      revoked: true,
    });
    expect(await authenticateApiKey(bearer(made.key))).toBeNull();
    // Revoking again changes nothing and says so.
    expect(await revokeApiKey(inA(), { userId: alice }, made.id)).toMatchObject({
      ok: true,
      revoked: false,
    });
    const listed = (await listApiKeys(inA())).find((k) => k.id === made.id);
    expect(listed).toMatchObject({ revokedAt: now, revokedBy: "Alice", createdBy: "Alice" });
  });

  it("lists the tenant's own keys, active first, never a hash", async () => {
    const keys = await listApiKeys(inA());
    expect(keys.map((k) => k.name)).toEqual(["ESB", "OA 审批流", "旧流程", "ESB"]);
    expect(keys.map((k) => k.revokedAt === null)).toEqual([true, true, false, false]);
    expect(JSON.stringify(keys)).not.toMatch(/tokenHash|[0-9a-f]{64}/);
    expect((await listApiKeys(scopeToTenant(t.db, b))).map((k) => k.name)).toEqual(["ESB"]);
  });

  it("does not find another tenant's key, and leaves it working", async () => {
    const theirs = await createApiKey(
      scopeToTenant(t.db, b),
      { tenantId: b, userId: bob },
      {
        name: "他方密钥",
        role: "admin",
      },
    );
    if (!theirs.ok) throw new Error("not created");
    expect(await revokeApiKey(inA(), { userId: alice }, theirs.id)).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(
      (await t.db.apiToken.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt,
    ).toBeNull();
    expect(await authenticateApiKey(bearer(theirs.key))).not.toBeNull();
  });
});
