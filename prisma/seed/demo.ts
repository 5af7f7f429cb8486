// The demo tenant: owner and role accounts, the simulator's demo corp and apps (with
// sealed secrets), one OA account per simulator member with its userid mapping, and a
// couple of OA accounts nobody has mapped yet. Idempotent: every row is upserted on a
// natural key, so running it again adds nothing (app credentials are re-sealed).
import type { Db } from "../../lib/db/client.ts";
import { hashPassword, verifyPassword } from "../../lib/auth/password.ts";
import { sealAppSecret, type AppSecretOwner } from "../../lib/crypto/app-secret.ts";
import { SIM_APPS, SIM_CORPS, SIM_MEMBERS } from "../../lib/wecom/simulator/seed-data.ts";

export interface DemoSeedOptions {
  /** The simulator's API base, e.g. http://127.0.0.1:3100/cgi-bin/ */
  simulatorBaseUrl: string;
  email: string;
  password: string;
  /** bcrypt cost; tests pass a low one */
  passwordCost?: number;
}

export const DEMO_TENANT_SLUG = "demo";
export const SANDBOX_TENANT_SLUG = "demo-sandbox";
const ROLE_USERS = [
  { local: "admin", name: "李管理", role: "admin" },
  { local: "booker", name: "王预约", role: "booker" },
  { local: "viewer", name: "赵只读", role: "viewer" },
] as const;
const UNMAPPED = [
  { jobNumber: "E9001", name: "新同事甲", department: "研发部" },
  { jobNumber: "E9002", name: "外包顾问乙", department: "产品部" },
];

async function upsertUser(db: Db, email: string, name: string, opts: DemoSeedOptions) {
  const existing = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  if (existing && (await verifyPassword(opts.password, existing.passwordHash))) return existing;
  const passwordHash = await hashPassword(opts.password, opts.passwordCost);
  return db.user.upsert({
    where: { email },
    create: { email, name, passwordHash },
    update: { passwordHash },
  });
}

export async function seedDemo(db: Db, opts: DemoSeedOptions) {
  const tenant = await db.tenant.upsert({
    where: { slug: DEMO_TENANT_SLUG },
    create: { slug: DEMO_TENANT_SLUG, name: "示例科技", timeZone: "Asia/Shanghai" },
    update: {},
  });
  const sandbox = await db.tenant.upsert({
    where: { slug: SANDBOX_TENANT_SLUG },
    create: { slug: SANDBOX_TENANT_SLUG, name: "示例科技（测试环境）", timeZone: "Asia/Shanghai" },
    update: {},
  });

  const owner = await upsertUser(db, opts.email.toLowerCase(), "演示所有者", opts);
  const domain = opts.email.split("@")[1] ?? "meetbridge.local";
  const members = [
    { userId: owner.id, tenantId: tenant.id, role: "owner" as const },
    { userId: owner.id, tenantId: sandbox.id, role: "admin" as const },
  ];
  for (const u of ROLE_USERS) {
    const user = await upsertUser(db, `${u.local}@${domain}`, u.name, opts);
    members.push({ userId: user.id, tenantId: tenant.id, role: u.role as never });
  }
  for (const m of members) {
    await db.membership.upsert({
      where: { tenantId_userId: { tenantId: m.tenantId, userId: m.userId } },
      create: m,
      update: { role: m.role },
    });
  }

  for (const simCorp of SIM_CORPS) {
    const corp = await db.corp.upsert({
      where: { tenantId_corpId: { tenantId: tenant.id, corpId: simCorp.corpId } },
      create: { tenantId: tenant.id, corpId: simCorp.corpId, name: simCorp.name },
      update: { name: simCorp.name },
    });
    for (const app of SIM_APPS.filter((a) => a.corpId === simCorp.corpId)) {
      // Re-sealed on every run: the key may have changed (a new .data/demo.env), and the
      // simulator's address may have (WECOM_SIM_PORT); results of earlier checks stay.
      // Credentials are sealed to the app row, so the row comes first.
      const row =
        (await db.app.findFirst({
          where: { tenantId: tenant.id, corpRowId: corp.id, name: app.name },
        })) ??
        (await db.app.create({
          data: {
            tenantId: tenant.id,
            corpRowId: corp.id,
            name: app.name,
            kind: app.kind,
            suiteTicketAt: app.suiteTicket ? new Date() : null,
            maxInvitees: simCorp.paidEdition ? 300 : 100,
          },
        }));
      const owner: AppSecretOwner = { tenantId: tenant.id, id: row.id };
      const seal = (column: Parameters<typeof sealAppSecret>[1], plain: string | undefined) =>
        plain ? sealAppSecret(owner, column, plain) : null;
      await db.app.update({
        where: { id: row.id },
        data: {
          baseUrl: opts.simulatorBaseUrl,
          kind: app.kind,
          agentId: app.agentId,
          secretEnc: seal("secretEnc", app.secret),
          suiteId: app.suiteId ?? null,
          suiteSecretEnc: seal("suiteSecretEnc", app.suiteSecret),
          suiteTicketEnc: seal("suiteTicketEnc", app.suiteTicket),
          permanentCodeEnc: seal("permanentCodeEnc", app.permanentCode),
        },
      });
      // Tokens cached under an old key or from another simulator are useless now.
      await db.wecomToken.deleteMany({ where: { appId: row.id } });
    }
    for (const [i, member] of SIM_MEMBERS.entries()) {
      const jobNumber = `E${String(1001 + i)}`;
      const account = await db.oaAccount.upsert({
        where: { tenantId_jobNumber: { tenantId: tenant.id, jobNumber } },
        create: {
          tenantId: tenant.id,
          jobNumber,
          name: member.name,
          email: member.email,
          mobile: member.mobile,
          department: member.departmentName,
        },
        update: {},
      });
      await db.mapping.upsert({
        where: { corpRowId_oaAccountId: { corpRowId: corp.id, oaAccountId: account.id } },
        create: {
          tenantId: tenant.id,
          corpRowId: corp.id,
          oaAccountId: account.id,
          wecomUserId: member.userid,
        },
        update: {},
      });
    }
  }
  for (const a of UNMAPPED) {
    await db.oaAccount.upsert({
      where: { tenantId_jobNumber: { tenantId: tenant.id, jobNumber: a.jobNumber } },
      create: { tenantId: tenant.id, ...a },
      update: {},
    });
  }
  return { tenantId: tenant.id, sandboxTenantId: sandbox.id, ownerId: owner.id };
}
