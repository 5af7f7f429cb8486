// The tenant settings: saved through the tenant's scoped client, with what changed, and
// the history of a tenant's settings shows its own audit events only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeToTenant } from "@/lib/db/tenant-scope.ts";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { tenantSettingsHistory, updateTenantSettings } from "./tenant-settings.ts";

let t: TestDatabase;
let a: string;
let b: string;
let owner: string;

beforeAll(async () => {
  t = await createTestDatabase();
  a = (await t.db.tenant.create({ data: { name: "示例科技", slug: "a" } })).id;
  b = (await t.db.tenant.create({ data: { name: "Other", slug: "b" } })).id;
  owner = (
    await t.db.user.create({ data: { email: "o@example.com", name: "Olga", passwordHash: "x" } })
  ).id;
  await t.db.membership.create({ data: { tenantId: a, userId: owner, role: "owner" } });
});
afterAll(async () => t?.drop());

describe(`tenant settings (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("saves the name and the zone and says what changed", async () => {
    const db = scopeToTenant(t.db, a);
    expect(
      await updateTenantSettings(db, a, { name: "示例科技", timeZone: "Europe/Berlin" }),
    ).toEqual({ timeZone: { from: "Asia/Shanghai", to: "Europe/Berlin" } });
    expect(await t.db.tenant.findUnique({ where: { id: a } })).toMatchObject({
      name: "示例科技",
      timeZone: "Europe/Berlin",
    });
    expect(
      await updateTenantSettings(db, a, { name: "示例科技", timeZone: "Europe/Berlin" }),
    ).toEqual({});
  });

  it("cannot reach another tenant", async () => {
    const db = scopeToTenant(t.db, a);
    expect(await updateTenantSettings(db, b, { name: "Taken", timeZone: "UTC" })).toBeNull();
    expect(await t.db.tenant.findUnique({ where: { id: b } })).toMatchObject({
      name: "Other",
      timeZone: "Asia/Shanghai",
    });
  });

  it("lists the tenant's own settings changes, newest first, with who made them", async () => {
    const event = (tenantId: string, diff: object, at: string, actorUserId: string | null) =>
      t.db.auditEvent.create({
        data: {
          tenantId,
          actorUserId,
          source: "web",
          action: "tenant.update",
          objectType: "tenant",
          objectId: tenantId,
          diff,
          createdAt: new Date(at),
        },
      });
    await event(a, { name: { from: "A", to: "示例科技" } }, "2030-01-01T00:00:00Z", owner);
    await event(
      a,
      { timeZone: { from: "Asia/Shanghai", to: "UTC" } },
      "2030-01-02T00:00:00Z",
      null,
    );
    await event(b, { name: { from: "B", to: "Other" } }, "2030-01-03T00:00:00Z", null);

    const history = await tenantSettingsHistory(scopeToTenant(t.db, a), a);
    expect(history.map((h) => [h.actorName, h.changes])).toEqual([
      [null, [{ field: "timeZone", from: "Asia/Shanghai", to: "UTC" }]],
      ["Olga", [{ field: "name", from: "A", to: "示例科技" }]],
    ]);
    expect(await tenantSettingsHistory(scopeToTenant(t.db, a), b)).toEqual([]);
  });
});
