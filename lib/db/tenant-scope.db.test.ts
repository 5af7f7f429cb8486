// A user of tenant A cannot read or change tenant B's rows through the tenant-scoped
// client that every page and action gets. Runs on SQLite, and on PostgreSQL when
// TEST_DATABASE_URL is set (scripts/test.sh runs both).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { scopeToTenant, TenantScopeError } from "./tenant-scope.ts";

let t: TestDatabase;
const ids = {} as Record<
  "a" | "b",
  { tenant: string; corp: string; app: string; account: string; meeting: string }
>;

async function makeTenant(key: "a" | "b") {
  const tenant = await t.db.tenant.create({
    data: { name: `Tenant ${key}`, slug: `tenant-${key}` },
  });
  const corp = await t.db.corp.create({
    data: { tenantId: tenant.id, corpId: `ww${key}`, name: `Corp ${key}` },
  });
  const app = await t.db.app.create({
    data: {
      tenantId: tenant.id,
      corpRowId: corp.id,
      name: `App ${key}`,
      kind: "self_built",
      agentId: 1,
    },
  });
  const account = await t.db.oaAccount.create({
    data: { tenantId: tenant.id, name: `Person ${key}`, jobNumber: "E1" },
  });
  const meeting = await t.db.meeting.create({
    data: {
      tenantId: tenant.id,
      appId: app.id,
      idempotencyKey: `k-${key}`,
      title: `Meeting ${key}`,
      startAt: new Date("2030-01-01T02:00:00Z"),
      durationSec: 3600,
      adminAccountId: account.id,
      adminUserId: `user-${key}`,
      participants: {
        create: [{ role: "invitee", wecomUserId: `invitee-${key}`, oaAccountId: account.id }],
      },
    },
  });
  await t.db.callLog.create({
    data: {
      tenantId: tenant.id,
      appId: app.id,
      operation: "gettoken",
      method: "GET",
      url: "x",
      durationMs: 1,
    },
  });
  ids[key] = {
    tenant: tenant.id,
    corp: corp.id,
    app: app.id,
    account: account.id,
    meeting: meeting.id,
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await makeTenant("a");
  await makeTenant("b");
});
afterAll(async () => t?.drop());

describe(`tenant scope (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("lists only the tenant's own rows, for every kind of row", async () => {
    const a = scopeToTenant(t.db, ids.a.tenant);
    expect((await a.meeting.findMany()).map((m) => m.title)).toEqual(["Meeting a"]);
    expect((await a.app.findMany()).map((x) => x.name)).toEqual(["App a"]);
    expect((await a.oaAccount.findMany()).map((x) => x.name)).toEqual(["Person a"]);
    expect((await a.corp.findMany()).map((x) => x.corpId)).toEqual(["wwa"]);
    expect(await a.callLog.count()).toBe(1);
    expect((await a.meetingParticipant.findMany()).map((p) => p.wecomUserId)).toEqual([
      "invitee-a",
    ]);
    expect((await a.tenant.findMany()).map((x) => x.name)).toEqual(["Tenant a"]);
  });

  it("does not find another tenant's row by its id", async () => {
    const a = scopeToTenant(t.db, ids.a.tenant);
    expect(await a.meeting.findUnique({ where: { id: ids.b.meeting } })).toBeNull();
    expect(await a.app.findFirst({ where: { id: ids.b.app } })).toBeNull();
    expect(await a.meeting.findMany({ where: { tenantId: ids.b.tenant } })).toEqual([]);
  });

  it("cannot change or delete another tenant's rows", async () => {
    const a = scopeToTenant(t.db, ids.a.tenant);
    await expect(
      a.meeting.update({ where: { id: ids.b.meeting }, data: { title: "hijacked" } }),
    ).rejects.toThrow();
    expect(
      (await a.app.updateMany({ where: { id: ids.b.app }, data: { name: "hijacked" } })).count,
    ).toBe(0);
    await expect(a.oaAccount.delete({ where: { id: ids.b.account } })).rejects.toThrow();
    expect((await a.corp.deleteMany({ where: { id: ids.b.corp } })).count).toBe(0);

    const b = await t.db.meeting.findUniqueOrThrow({ where: { id: ids.b.meeting } });
    expect(b.title).toBe("Meeting b");
    expect(await t.db.app.findUniqueOrThrow({ where: { id: ids.b.app } })).toMatchObject({
      name: "App b",
    });
    expect(await t.db.oaAccount.count({ where: { id: ids.b.account } })).toBe(1);
    expect(await t.db.callLog.count({ where: { tenantId: ids.b.tenant } })).toBe(1);
  });

  it("creates rows in its own tenant and refuses to create them in another", async () => {
    const a = scopeToTenant(t.db, ids.a.tenant);
    const created = await a.oaAccount.create({
      data: { tenantId: ids.a.tenant, name: "New", jobNumber: "E2" },
    });
    expect(created.tenantId).toBe(ids.a.tenant);
    await expect(
      a.oaAccount.create({ data: { tenantId: ids.b.tenant, name: "Smuggled", jobNumber: "E3" } }),
    ).rejects.toBeInstanceOf(TenantScopeError);
    expect(await t.db.oaAccount.count({ where: { name: "Smuggled" } })).toBe(0);
  });

  it("refuses writes that would bypass the scope", async () => {
    const a = scopeToTenant(t.db, ids.a.tenant);
    await expect(
      a.meetingParticipant.create({
        data: { meetingId: ids.b.meeting, role: "host", wecomUserId: "x" },
      }),
    ).rejects.toBeInstanceOf(TenantScopeError);
    await expect(a.tenant.create({ data: { name: "New", slug: "new" } })).rejects.toBeInstanceOf(
      TenantScopeError,
    );
  });
});
