// Run by scripts/e2e-server.sh after the demo seed: accounts only the browser tests need.
import { writeFileSync } from "node:fs";
import { newApiKey } from "../lib/api-keys/token.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { createDb } from "../lib/db/client.ts";
import { ensureCallbackKeys } from "../prisma/seed/demo-callbacks.ts";
import { DEMO_TENANT_SLUG } from "../prisma/seed/demo.ts";
import { E2E_API_KEYS, type E2eApiKeys } from "./api-keys.ts";
import { OTHER_TENANT_FACTS, OTHER_TENANT_MARK } from "./other-tenant.ts";

const db = createDb();
try {
  const passwordHash = await hashPassword("meetbridge-demo", 4);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  await db.user.upsert({
    where: { email: "lonely@meetbridge.local" },
    create: { email: "lonely@meetbridge.local", name: "无租户用户", passwordHash },
    update: {},
  });
  const disabled = await db.user.upsert({
    where: { email: "disabled@meetbridge.local" },
    create: {
      email: "disabled@meetbridge.local",
      name: "已停用用户",
      passwordHash,
      disabled: true,
    },
    update: {},
  });
  await db.membership.upsert({
    where: { tenantId_userId: { tenantId: tenant.id, userId: disabled.id } },
    create: { tenantId: tenant.id, userId: disabled.id, role: "admin" },
    update: {},
  });
  const otherTenantId = await seedOtherTenant(passwordHash);
  await seedApiKeys(tenant.id, otherTenantId);
  console.log("seeded the e2e-only accounts, another tenant and API keys");
} finally {
  await db.$disconnect();
}

/** A tenant the demo owner is no member of, holding one of each object, every name marked
 * with OTHER_TENANT_MARK: e2e/cross-tenant.spec.ts tries every route on them. */
async function seedOtherTenant(passwordHash: string): Promise<string> {
  const mark = OTHER_TENANT_MARK;
  const tenant = await db.tenant.upsert({
    where: { slug: "e2e-other" },
    create: { slug: "e2e-other", name: `他方租户 ${mark}` },
    update: {},
  });
  const tenantId = tenant.id;
  const user = await db.user.upsert({
    where: { email: "other-owner@meetbridge.local" },
    create: { email: "other-owner@meetbridge.local", name: `他方所有者 ${mark}`, passwordHash },
    update: {},
  });
  await db.membership.upsert({
    where: { tenantId_userId: { tenantId, userId: user.id } },
    create: { tenantId, userId: user.id, role: "owner" },
    update: {},
  });
  const corp = await db.corp.upsert({
    where: { tenantId_corpId: { tenantId, corpId: `other-corp-${mark}` } },
    create: { tenantId, corpId: `other-corp-${mark}`, name: `他方企业 ${mark}` },
    update: {},
  });
  const app =
    (await db.app.findFirst({ where: { tenantId } })) ??
    (await db.app.create({
      data: {
        tenantId,
        corpRowId: corp.id,
        name: `他方应用 ${mark}`,
        kind: "self_built",
        agentId: 1000002,
        meetingPermission: "granted",
      },
    }));
  // Callback keys like every demo app's (scripts/demo-ready.ts), so a callback addressed to
  // this tenant's app is refused for its signature, not for want of keys. No simulator
  // callback: the simulator has no such corp.
  await ensureCallbackKeys(
    db,
    await db.app.findUniqueOrThrow({
      where: { id: app.id },
      omit: { callbackTokenEnc: false, callbackAesKeyEnc: false },
    }),
  );
  const account = await db.oaAccount.upsert({
    where: { tenantId_jobNumber: { tenantId, jobNumber: `X-${mark}` } },
    create: { tenantId, name: `他方账号 ${mark}`, jobNumber: `X-${mark}` },
    update: {},
  });
  const mapping = await db.mapping.upsert({
    where: { corpRowId_oaAccountId: { corpRowId: corp.id, oaAccountId: account.id } },
    create: { tenantId, corpRowId: corp.id, oaAccountId: account.id, wecomUserId: `other-${mark}` },
    update: {},
  });
  const meeting = await db.meeting.upsert({
    where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: `other-${mark}` } },
    create: {
      tenantId,
      appId: app.id,
      idempotencyKey: `other-${mark}`,
      wecomMeetingId: `other-meeting-${mark}`,
      title: `他方机密会议 ${mark}`,
      startAt: new Date(Date.now() + 3 * 86_400_000),
      durationSec: 3600,
      adminAccountId: account.id,
      adminUserId: `other-${mark}`,
      status: "booked",
      syncState: "in_sync",
      createdById: user.id,
    },
    update: {},
  });
  await db.callLog.create({
    data: {
      tenantId,
      appId: app.id,
      meetingId: meeting.id,
      operation: "meeting/create",
      method: "POST",
      url: "https://example.invalid/cgi-bin/meeting/create",
      requestBody: JSON.stringify({ title: meeting.title }),
      responseBody: JSON.stringify({ errcode: 0, meetingid: meeting.wecomMeetingId }),
      errcode: 0,
      durationMs: 1,
    },
  });
  await db.auditEvent.create({
    data: {
      tenantId,
      actorUserId: user.id,
      source: "web",
      action: "meeting.book",
      objectType: "Meeting",
      objectId: meeting.id,
      diff: { title: meeting.title },
    },
  });
  // A key of theirs, and its audit event: /settings/api must show neither.
  const apiKey = await db.apiToken.upsert({
    where: { tokenHash: `other-key-hash-${mark}` },
    create: {
      tenantId,
      name: `他方密钥 ${mark}`,
      tokenHash: `other-key-hash-${mark}`,
      prefix: `mbk_${mark}`,
      role: "admin",
      createdById: user.id,
    },
    update: {},
  });
  await db.auditEvent.create({
    data: {
      tenantId,
      actorUserId: user.id,
      source: "web",
      action: "apiKey.create",
      objectType: "ApiToken",
      objectId: apiKey.id,
      diff: { name: apiKey.name, role: apiKey.role, prefix: apiKey.prefix },
    },
  });
  // A batch of theirs: /meetings/batch must not list it, its pages and GET /batches/{id} 404.
  // (Its id is a plain cuid: the URL of a page about it must not carry the mark.)
  const batch =
    (await db.batch.findFirst({ where: { tenantId }, select: { id: true } })) ??
    (await db.batch.create({
      data: {
        tenantId,
        source: "web",
        createdById: user.id,
        fileName: `他方批量 ${mark}.csv`,
        state: "done",
        total: 1,
        rows: {
          create: {
            position: 1,
            line: 2,
            values: { title: meeting.title },
            cells: { title: meeting.title },
            status: "booked",
            bookedMeetingId: meeting.id,
          },
        },
      },
      select: { id: true },
    }));
  writeFileSync(
    OTHER_TENANT_FACTS,
    JSON.stringify({
      tenantId,
      userId: user.id,
      corpId: corp.id,
      appId: app.id,
      accountId: account.id,
      mappingId: mapping.id,
      meetingId: meeting.id,
      batchId: batch.id,
    }),
  );
  return tenantId;
}

/** API keys for e2e/api.spec.ts and e2e/cross-tenant.spec.ts: only their hashes are stored. */
async function seedApiKeys(tenantId: string, otherTenantId: string) {
  const make = async (tenant: string, name: string, role: "admin" | "booker") => {
    const k = newApiKey();
    await db.apiToken.create({
      data: { tenantId: tenant, name, role, tokenHash: k.tokenHash, prefix: k.prefix },
    });
    return k.key;
  };
  const keys: E2eApiKeys = {
    admin: await make(tenantId, "e2e OA 流程", "admin"),
    otherTenant: await make(otherTenantId, `他方密钥 ${OTHER_TENANT_MARK}`, "admin"),
  };
  writeFileSync(E2E_API_KEYS, JSON.stringify(keys));
}
