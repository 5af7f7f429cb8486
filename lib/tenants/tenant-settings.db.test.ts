// The tenant settings: saved through the tenant's scoped client, with what changed.
// (Their history: lib/audit/load-history.db.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeToTenant } from "@/lib/db/tenant-scope.ts";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { updateTenantSettings } from "./tenant-settings.ts";

let t: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase();
  a = (await t.db.tenant.create({ data: { name: "示例科技", slug: "a" } })).id;
  b = (await t.db.tenant.create({ data: { name: "Other", slug: "b" } })).id;
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
});
