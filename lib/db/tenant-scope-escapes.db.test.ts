// The second review's ways out of a tenant scope, each refused: the delegate's $parent,
// foreign keys given as { set }, password hashes selected or filtered on, users who are
// not members, identities changed, the tenant deleted, and a cursor on another's row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { scopeToTenant, TenantScopeError } from "./tenant-scope.ts";

let t: TestDatabase;
let a: ReturnType<typeof scopeToTenant>;
const ids = {} as Record<string, string>;

beforeAll(async () => {
  t = await createTestDatabase();
  const member = await t.db.user.create({
    data: { email: "m@example.com", name: "M", passwordHash: "hash-m" },
  });
  const outsider = await t.db.user.create({
    data: { email: "o@example.com", name: "O", passwordHash: "hash-o" },
  });
  for (const key of ["a", "b"] as const) {
    const tenant = await t.db.tenant.create({ data: { name: `T${key}`, slug: `t-${key}` } });
    const user = key === "a" ? member : outsider;
    await t.db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "admin" } });
    const corp = await t.db.corp.create({
      data: { tenantId: tenant.id, corpId: `ww${key}`, name: `C${key}` },
    });
    const app = await t.db.app.create({
      data: { tenantId: tenant.id, corpRowId: corp.id, name: `A${key}`, kind: "custom" },
    });
    const account = await t.db.oaAccount.create({ data: { tenantId: tenant.id, name: `P${key}` } });
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
        participants: {
          create: { role: "invitee", wecomUserId: `p-${key}`, oaAccountId: account.id },
        },
      },
      include: { participants: true },
    });
    const log = await t.db.callLog.create({
      data: {
        tenantId: tenant.id,
        appId: app.id,
        operation: "gettoken",
        method: "GET",
        url: "x",
        durationMs: 1,
      },
    });
    Object.assign(ids, {
      [`${key}Tenant`]: tenant.id,
      [`${key}Corp`]: corp.id,
      [`${key}App`]: app.id,
      [`${key}Account`]: account.id,
      [`${key}Meeting`]: meeting.id,
      [`${key}Participant`]: meeting.participants[0]!.id,
      [`${key}Log`]: log.id,
      [`${key}User`]: user.id,
    });
  }
  a = scopeToTenant(t.db, ids.aTenant!);
});
afterAll(async () => t?.drop());

const refused = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(TenantScopeError);

describe(`tenant scope escapes (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("hands out plain delegates: no $parent, no unscoped client behind them", () => {
    expect((a.corp as unknown as Record<string, unknown>).$parent).toBeUndefined();
    expect(Object.keys(a.corp)).not.toContain("$parent");
    expect(Object.isFrozen(a.corp)).toBe(true);
  });

  it("checks foreign keys however they are written, and keeps identities fixed", async () => {
    await refused(
      a.meetingParticipant.update({
        where: { id: ids.aParticipant },
        data: { oaAccountId: { set: ids.bAccount } },
      } as never),
    );
    await refused(
      a.meetingParticipant.update({
        where: { id: ids.aParticipant },
        data: { meetingId: ids.bMeeting },
      }),
    );
    await refused(a.wecomToken.updateMany({ data: { appId: ids.bApp } }));
    await refused(a.tenant.update({ where: { id: ids.aTenant }, data: { id: "renamed" } }));
    await refused(a.oaAccount.update({ where: { id: ids.aAccount }, data: { id: "renamed" } }));
  });

  it("keeps the call log and the audit trail append-only", async () => {
    await refused(a.callLog.update({ where: { id: ids.aLog }, data: { appId: ids.bApp } }));
    await refused(a.callLog.deleteMany({}));
    await refused(a.auditEvent.deleteMany({}));
  });

  it("never selects, filters or sorts on a password hash, nor sorts through a user's other tenants", async () => {
    await refused(a.membership.findMany({ select: { user: { select: { passwordHash: true } } } }));
    await refused(
      a.membership.findMany({ where: { user: { passwordHash: { startsWith: "h" } } } }),
    );
    await refused(
      a.membership.findMany({ orderBy: { user: { memberships: { _count: "desc" } } } }),
    );
  });

  it("only lets members of the tenant be named as creators and actors", async () => {
    await refused(
      a.meeting.update({ where: { id: ids.aMeeting }, data: { createdById: ids.bUser } }),
    );
    await refused(
      a.auditEvent.create({
        data: {
          tenantId: ids.aTenant!,
          actorUserId: ids.bUser,
          source: "web",
          action: "x",
          objectType: "T",
          objectId: "1",
        },
      }),
    );
    const ok = await a.meeting.update({
      where: { id: ids.aMeeting },
      data: { createdById: ids.aUser },
    });
    expect(ok.createdById).toBe(ids.aUser);
  });

  it("cannot delete its own tenant, nor page from another tenant's row", async () => {
    await refused(a.tenant.delete({ where: { id: ids.aTenant } }));
    await refused(a.corp.findMany({ cursor: { id: ids.bCorp }, orderBy: { name: "asc" } }));
    expect(
      await a.corp.findMany({ cursor: { id: ids.aCorp }, orderBy: { name: "asc" } }),
    ).toHaveLength(1);
    expect(await t.db.tenant.count()).toBe(2);
  });
});
