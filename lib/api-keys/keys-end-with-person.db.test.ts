// Access ends with the person (issue 15, item 5): an admin's API keys are revoked when the
// admin loses the right to make them in that tenant (demoted below admin, disabled there,
// removed from it), with who and why on the keys page, and one audit event per key. An
// operator's global switch (User.disabled) stops the keys at once as well.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceProcessDb } from "@/lib/db/client.ts";
import { scopeToTenant } from "@/lib/db/tenant-scope.ts";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { changeRole, removeMember, setMemberDisabled } from "@/lib/users/members.ts";
import { authenticateApiKey } from "./authenticate.ts";
import { createApiKey } from "./create-key.ts";
import { listApiKeys } from "./list-keys.ts";

let t: TestDatabase;
let tenant: string;
let owner: string;
let n = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  replaceProcessDb(t.db);
  tenant = (await t.db.tenant.create({ data: { name: "示例科技", slug: "k" } })).id;
  owner = await member("owner", "owner");
});
afterAll(async () => t?.drop());

async function member(name: string, role: "owner" | "admin"): Promise<string> {
  const u = await t.db.user.create({
    data: { email: `${name}-${n++}@k.test`, name, passwordHash: "x" },
  });
  await t.db.membership.create({ data: { tenantId: tenant, userId: u.id, role } });
  return u.id;
}

/** An admin with an admin-role key that works. */
async function adminWithKey(name: string) {
  const admin = await member(name, "admin");
  const made = await createApiKey(
    scopeToTenant(t.db, tenant),
    { tenantId: tenant, userId: admin },
    { name: `${name} 的密钥`, role: "admin" },
  );
  if (!made.ok) throw new Error("no key");
  expect(await authenticateApiKey(`Bearer ${made.key}`)).toMatchObject({ role: "admin" });
  return { admin, key: made.key, id: made.id };
}

const byOwner = () => ({ tenantId: tenant, userId: owner });

describe(`API keys end with their creator's right to make them (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it.each([
    [
      "demoted to booker",
      "creator_demoted",
      (id: string) => changeRole(t.db, byOwner(), id, "booker"),
    ],
    [
      "disabled in the tenant",
      "creator_disabled",
      (id: string) => setMemberDisabled(t.db, byOwner(), id, true),
    ],
    [
      "removed from the tenant",
      "creator_removed",
      (id: string) => removeMember(t.db, byOwner(), id),
    ],
  ])(
    "revokes the keys of an admin %s, shown with who and why, audited",
    async (_, reason, lose) => {
      const { admin, key, id } = await adminWithKey(`admin-${reason}`);
      expect(await lose(admin)).toMatchObject({ ok: true });
      expect(await authenticateApiKey(`Bearer ${key}`)).toBeNull();
      const shown = (await listApiKeys(scopeToTenant(t.db, tenant))).find((k) => k.id === id);
      expect(shown).toMatchObject({ revokedBy: "owner", revokedReason: reason });
      expect(shown?.revokedAt).toBeInstanceOf(Date);
      const audit = await t.db.auditEvent.findFirst({
        where: { tenantId: tenant, action: "apiKey.revoke", objectId: id },
      });
      expect(audit).toMatchObject({
        actorUserId: owner,
        diff: expect.objectContaining({ reason }),
      });
    },
  );

  it("keeps the keys of an owner made admin: they may still make keys", async () => {
    const { admin, key } = await adminWithKey("still-admin");
    await changeRole(t.db, byOwner(), admin, "owner");
    await changeRole(t.db, byOwner(), admin, "admin");
    expect(await authenticateApiKey(`Bearer ${key}`)).not.toBeNull();
  });

  it("stops the keys of a person the operator disabled everywhere", async () => {
    const { admin, key } = await adminWithKey("operator-disabled");
    await t.db.user.update({ where: { id: admin }, data: { disabled: true } });
    expect(await authenticateApiKey(`Bearer ${key}`)).toBeNull();
  });

  it.each([
    ["demoted to booker", { role: "booker" as const }],
    ["disabled", { disabled: true }],
  ])(
    "stops the key of a creator %s in its tenant by a path that revoked nothing, though still an admin elsewhere",
    async (_, change) => {
      const { admin, key } = await adminWithKey(`elsewhere-${JSON.stringify(change)}`);
      const other = await t.db.tenant.create({ data: { name: "另一家", slug: `other-${n++}` } });
      await t.db.membership.create({ data: { tenantId: other.id, userId: admin, role: "admin" } });
      expect(await authenticateApiKey(`Bearer ${key}`)).not.toBeNull();
      await t.db.membership.update({
        where: { tenantId_userId: { tenantId: tenant, userId: admin } },
        data: change,
      });
      expect(await authenticateApiKey(`Bearer ${key}`)).toBeNull();
    },
  );
});
