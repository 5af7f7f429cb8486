// The one history loader of the settings pages: the tenant's own events of the kinds
// (and objects) asked for, newest first, with who made them and from where.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeToTenant } from "@/lib/db/tenant-scope.ts";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { loadAuditHistory } from "./load-history.ts";

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
  const event = (
    tenantId: string,
    objectType: string,
    objectId: string,
    at: string,
    actorUserId: string | null,
    source: "web" | "api" = "web",
  ) =>
    t.db.auditEvent.create({
      data: {
        tenantId,
        actorUserId,
        source,
        action: `${objectType}.update`,
        objectType,
        objectId,
        diff: { name: { from: "A", to: at } },
        createdAt: new Date(at),
      },
    });
  await event(a, "tenant", a, "2030-01-01T00:00:00Z", owner);
  await event(a, "tenant", a, "2030-01-02T00:00:00Z", null, "api");
  await event(a, "app", "app-1", "2030-01-03T00:00:00Z", owner);
  await event(a, "corp", "corp-1", "2030-01-04T00:00:00Z", owner);
  await event(b, "tenant", b, "2030-01-05T00:00:00Z", null);
  await event(b, "app", "app-1", "2030-01-06T00:00:00Z", null);
});
afterAll(async () => t?.drop());

describe(`audit history (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("reads the tenant's events of these kinds, newest first, with actor and source", async () => {
    const history = await loadAuditHistory(scopeToTenant(t.db, a), { objectTypes: ["tenant"] });
    expect(history.map((e) => [e.at.toISOString(), e.actorName, e.source])).toEqual([
      ["2030-01-02T00:00:00.000Z", null, "api"],
      ["2030-01-01T00:00:00.000Z", "Olga", "web"],
    ]);
    expect(history[0]!.diff).toEqual({ name: { from: "A", to: "2030-01-02T00:00:00Z" } });
  });

  it("keeps to the objects asked for, and to the tenant, whatever the ids", async () => {
    const db = scopeToTenant(t.db, a);
    const apps = await loadAuditHistory(db, {
      objectTypes: ["app", "corp"],
      objectIds: ["app-1", "corp-1"],
      take: 1,
    });
    expect(apps.map((e) => e.objectId)).toEqual(["corp-1"]);
    const appOnly = await loadAuditHistory(db, { objectTypes: ["app"], objectIds: ["app-1"] });
    expect(appOnly.map((e) => e.at.toISOString())).toEqual(["2030-01-03T00:00:00.000Z"]);
    expect(await loadAuditHistory(db, { objectTypes: ["tenant"], objectIds: [b] })).toEqual([]);
    expect(await loadAuditHistory(db, { objectTypes: ["app"], objectIds: [] })).toEqual([]);
  });

  it("keeps to the actions asked for: a key's creation and revocation, not its calls", async () => {
    const db = scopeToTenant(t.db, a);
    for (const [action, at] of [
      ["apiKey.create", "2030-02-01T00:00:00Z"],
      ["api.call", "2030-02-02T00:00:00Z"],
      ["apiKey.revoke", "2030-02-03T00:00:00Z"],
    ] as const)
      await t.db.auditEvent.create({
        data: {
          tenantId: a,
          source: "api",
          action,
          objectType: "ApiToken",
          objectId: "key-1",
          createdAt: new Date(at),
        },
      });
    const keys = await loadAuditHistory(db, {
      objectTypes: ["ApiToken"],
      actions: ["apiKey.create", "apiKey.revoke"],
    });
    expect(keys.map((e) => e.action)).toEqual(["apiKey.revoke", "apiKey.create"]);
  });
});
