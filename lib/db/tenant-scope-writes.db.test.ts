// The ways a scoped caller could try to reach another tenant through writes, nested
// reads or raw SQL, each refused. Runs on SQLite, and on PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { withOperationLog } from "@/lib/testing/operation-log.ts";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { scopeToTenant, TenantScopeError } from "./tenant-scope.ts";

let t: TestDatabase;
const b = {} as { tenant: string; corp: string; app: string; account: string };
let a: ReturnType<typeof scopeToTenant>;
let aIds: { tenant: string; corp: string; app: string; account: string; meeting: string };

beforeAll(async () => {
  t = await createTestDatabase();
  const user = await t.db.user.create({
    data: { email: "both@example.com", name: "Both", passwordHash: "hash-of-both" },
  });
  for (const key of ["a", "b"] as const) {
    const tenant = await t.db.tenant.create({ data: { name: `T${key}`, slug: `t-${key}` } });
    await t.db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "admin" } });
    const corp = await t.db.corp.create({
      data: { tenantId: tenant.id, corpId: `ww${key}`, name: `C${key}` },
    });
    const app = await t.db.app.create({
      data: {
        tenantId: tenant.id,
        corpRowId: corp.id,
        name: `A${key}`,
        kind: "self_built",
        secretEnc: `sealed-${key}`,
      },
    });
    const account = await t.db.oaAccount.create({
      data: { tenantId: tenant.id, name: `P${key}`, jobNumber: "E1" },
    });
    if (key === "b")
      Object.assign(b, { tenant: tenant.id, corp: corp.id, app: app.id, account: account.id });
    else {
      const meeting = await t.db.meeting.create({
        data: {
          tenantId: tenant.id,
          appId: app.id,
          idempotencyKey: "k",
          title: "M",
          startAt: new Date(),
          durationSec: 600,
          adminAccountId: account.id,
          adminUserId: "u",
        },
      });
      aIds = {
        tenant: tenant.id,
        corp: corp.id,
        app: app.id,
        account: account.id,
        meeting: meeting.id,
      };
    }
  }
  a = scopeToTenant(t.db, aIds.tenant);
});
afterAll(async () => t?.drop());

const refused = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(TenantScopeError);

describe(`tenant scope against bypasses (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("offers no raw SQL and no global models", () => {
    expect("$queryRawUnsafe" in a).toBe(false);
    expect("$executeRaw" in a).toBe(false);
    expect("user" in a).toBe(false);
    expect("lease" in a).toBe(false);
  });

  it("refuses to follow a shared user into the other tenants they belong to", async () => {
    await refused(
      a.membership.findMany({
        include: { user: { include: { memberships: { include: { tenant: true } } } } },
      }),
    );
    await refused(
      a.membership.findMany({ where: { user: { memberships: { some: { tenantId: b.tenant } } } } }),
    );
    await refused(a.membership.findMany({ include: { user: { omit: { passwordHash: false } } } }));
    // Reading the member's own name is fine.
    const [m] = await a.membership.findMany({ include: { user: true } });
    expect(m?.user.name).toBe("Both");
    expect(m?.user).not.toHaveProperty("passwordHash");
  });

  it("refuses to move rows to another tenant", async () => {
    await refused(a.oaAccount.updateMany({ data: { tenantId: b.tenant } }));
    await refused(a.oaAccount.create({ data: { tenantId: b.tenant, name: "X", jobNumber: "E9" } }));
    expect(await t.db.oaAccount.count({ where: { tenantId: b.tenant } })).toBe(1);
  });

  it("refuses foreign keys that point into another tenant", async () => {
    await refused(
      a.app.create({
        data: { tenantId: aIds.tenant, corpRowId: b.corp, name: "X", kind: "custom" },
      }),
    );
    await refused(a.meeting.update({ where: { id: aIds.meeting }, data: { appId: b.app } }));
    await refused(
      a.mapping.create({
        data: {
          tenantId: aIds.tenant,
          corpRowId: aIds.corp,
          oaAccountId: b.account,
          wecomUserId: "x",
        },
      }),
    );
    expect(await t.db.app.count({ where: { name: "X" } })).toBe(0);
  });

  it("checks a foreign key once per scope: ids it read, created or was vouched need no count", async () => {
    const { db: counted, ops } = withOperationLog(t.db);
    const counts = () => ops.filter((o) => o.operation === "count").map((o) => o.model);
    const fresh = scopeToTenant(counted, aIds.tenant);
    const point = (db: typeof fresh, adminAccountId: string) =>
      db.meeting.update({ where: { id: aIds.meeting }, data: { adminAccountId } });
    await point(fresh, aIds.account);
    await point(fresh, aIds.account);
    expect(counts()).toEqual(["OaAccount"]);
    // Checked once, the tenant's own account is known; another tenant's still is not.
    await refused(point(fresh, b.account));
    expect(counts()).toEqual(["OaAccount", "OaAccount"]);

    ops.length = 0;
    const reader = scopeToTenant(counted, aIds.tenant);
    const account = await reader.oaAccount.findFirstOrThrow({ select: { id: true } });
    await point(reader, account.id);
    const vouched = scopeToTenant(counted, aIds.tenant, { oaAccount: [aIds.account] });
    await point(vouched, aIds.account);
    expect(counts()).toEqual([]);
    // Whatever a scope vouches, the database's composite keys still refuse another tenant.
    const misled = scopeToTenant(counted, aIds.tenant, { oaAccount: [b.account] });
    await expect(point(misled, b.account)).rejects.toMatchObject({ code: "P2003" });
  });

  it("refuses writes through relations, but lets a meeting manage its own participants", async () => {
    await refused(
      a.corp.update({
        where: { id: aIds.corp },
        data: { apps: { create: { name: "X", kind: "custom" } } },
      }),
    );
    await refused(
      a.meeting.update({
        where: { id: aIds.meeting },
        data: { app: { connect: { id_tenantId: { id: b.app, tenantId: b.tenant } } } },
      }),
    );
    await refused(
      a.meeting.update({
        where: { id: aIds.meeting },
        data: {
          participants: { create: { role: "invitee", wecomUserId: "x", oaAccountId: b.account } },
        },
      }),
    );
    const updated = await a.meeting.update({
      where: { id: aIds.meeting },
      data: {
        participants: {
          create: [{ role: "invitee", wecomUserId: "pa", oaAccountId: aIds.account }],
        },
      },
      include: { participants: true },
    });
    expect(updated.participants.map((p) => p.wecomUserId)).toEqual(["pa"]);
  });

  it("scopes the models owned through a parent: mappings, audit events, API tokens, cached tokens", async () => {
    await t.db.wecomToken.create({
      data: { appId: b.app, kind: "corp", tokenEnc: "x", expiresAt: new Date() },
    });
    await t.db.auditEvent.create({
      data: { tenantId: b.tenant, source: "web", action: "x", objectType: "App", objectId: b.app },
    });
    await t.db.apiToken.create({ data: { tenantId: b.tenant, name: "ci", tokenHash: "h" } });
    expect(await a.wecomToken.count()).toBe(0);
    expect(await a.auditEvent.count()).toBe(0);
    expect(await a.apiToken.count()).toBe(0);
    expect(await a.mapping.count({ where: { oaAccountId: b.account } })).toBe(0);
  });

  it("is backed by the database: even unscoped code cannot point a row at another tenant's", async () => {
    await expect(
      t.db.app.create({
        data: { tenantId: aIds.tenant, corpRowId: b.corp, name: "Y", kind: "custom" },
      }),
    ).rejects.toMatchObject({ code: "P2003" });
    await expect(
      t.db.meeting.update({ where: { id: aIds.meeting }, data: { appId: b.app } }),
    ).rejects.toMatchObject({ code: "P2003" });
    await expect(
      t.db.mapping.create({
        data: {
          tenantId: aIds.tenant,
          corpRowId: aIds.corp,
          oaAccountId: b.account,
          wecomUserId: "y",
        },
      }),
    ).rejects.toMatchObject({ code: "P2003" });
    expect(await t.db.app.count({ where: { name: "Y" } })).toBe(0);
    // Nor move a corp (with its apps) to another tenant: the keys restrict updates.
    await expect(
      t.db.corp.update({ where: { id: aIds.corp }, data: { tenantId: b.tenant } }),
    ).rejects.toMatchObject({
      code: "P2003",
    });
    expect((await t.db.meeting.findUniqueOrThrow({ where: { id: aIds.meeting } })).appId).toBe(
      aIds.app,
    );
  });
});
