// Every server action, called by the owner of another tenant with this tenant's object
// ids: each answers "not found" (or nothing), changes nothing here and calls WeCom for
// nothing. The list of actions is read from lib/actions/*.ts ("use server" files), so an
// action added without a case here fails the first test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { SIM_CORP_ID } from "@/lib/wecom/simulator/seed-data";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

const session = vi.hoisted(() => ({ ctx: null as TenantContext | null }));

vi.mock("@/lib/auth/tenant-context", () => ({
  getTenantContext: () => session.ctx,
  requireTenantContext: () => session.ctx,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: () => new Headers({ "user-agent": "vitest" }),
  cookies: () => ({ set: vi.fn(), get: () => undefined, delete: vi.fn() }),
}));
vi.mock("next-intl/server", () => ({
  getLocale: () => "zh-CN",
  getTranslations: () => (key: string) => key,
}));

const ACTIONS_DIR = path.join(process.cwd(), "lib/actions");

/** `file#export` of every server action. */
function serverActions(): string[] {
  return readdirSync(ACTIONS_DIR)
    .filter((f) => f.endsWith(".ts") && !f.includes(".test."))
    .flatMap((f) => {
      const src = readFileSync(path.join(ACTIONS_DIR, f), "utf8");
      if (!/^["']use server["'];/.test(src.trimStart())) return [];
      return [...src.matchAll(/^export async function (\w+)/gm)].map(
        (m) => `${f.replace(/\.ts$/, "")}#${m[1]}`,
      );
    })
    .sort();
}

interface Victim {
  tenantId: string;
  corpId: string;
  jobNumber: string;
  corpRowId: string;
  ownerId: string;
  inviteId: string;
  meetingId: string;
  wecomMeetingId: string;
  title: string;
  start: string;
  appId: string;
  accountId: string;
  apiKeyId: string;
}

type Case = (v: Victim, h: MeetingHarness) => Promise<unknown>;
type Fn = (...args: unknown[]) => Promise<unknown>;
const modules = import.meta.glob<Record<string, Fn>>(["./*.ts", "!./*.test.ts"]);
const call =
  (file: string, name: string, args: (v: Victim, h: MeetingHarness) => unknown[]): Case =>
  async (v, h) => {
    const mod = await modules[`./${file}.ts`]!();
    return mod[name]!(...args(v, h));
  };

/** A batch sheet naming the victim's app (by id) and people (by job number). */
function victimBatch(v: Victim, onlyValid = false): FormData {
  const csv = `应用,管理员工号,会议标题,开始时间,参会人\n${v.appId},${v.jobNumber},外来会议,${v.start.replace("T", " ")},${v.jobNumber}\n`;
  const form = new FormData();
  form.set("file", new File([csv], "batch.csv", { type: "text/csv" }));
  form.set("onlyValid", String(onlyValid));
  return form;
}

function victimCsv(v: Victim): FormData {
  const csv = `姓名,工号,企业微信账号:${v.corpId}\n李华,${v.jobNumber},lihua\n`;
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), "accounts.csv");
  return form;
}

/** Answers that mean "no such object here". */
const notFound = (r: unknown) => {
  const s = JSON.stringify(r);
  expect(s).toMatch(/"ok":false|^\[\]$|"accounts":\[\]/);
};

// What each action is called with: the victim tenant's objects wherever it takes one.
const CASES: Record<
  string,
  { run: Case; expect: (r: unknown) => void } | `no tenant object${string}`
> = {
  "adopt-meeting#adoptMeetingAction": {
    run: call("adopt-meeting", "adoptMeetingAction", (v) => [
      { appId: v.appId, meetingId: v.wecomMeetingId },
    ]),
    expect: notFound,
  },
  "adopt-meeting#discoverMeetingsAction": {
    run: call("adopt-meeting", "discoverMeetingsAction", (v) => [v.appId, v.accountId]),
    expect: notFound,
  },
  "book-meeting#bookMeetingAction": {
    run: call("book-meeting", "bookMeetingAction", (v, h) => [
      h.booking("越权预约", { appId: v.appId, adminId: v.accountId }),
    ]),
    expect: notFound,
  },
  "booking-lookups#searchAccountsAction": {
    run: call("booking-lookups", "searchAccountsAction", (v) => [v.appId, ""]),
    expect: (r) => expect(r).toEqual({ accounts: [], departments: [] }),
  },
  "booking-lookups#departmentAccountsAction": {
    run: call("booking-lookups", "departmentAccountsAction", (v) => [v.appId, "研发部"]),
    expect: (r) => expect(r).toEqual([]),
  },
  "booking-lookups#switchAppForDepartmentAction": {
    run: call("booking-lookups", "switchAppForDepartmentAction", (v) => [
      { appId: v.appId, department: "研发部", chosenIds: [v.accountId] },
    ]),
    expect: (r) => expect(r).toEqual({ members: [], refused: [] }),
  },
  "booking-lookups#overlapsAction": {
    // The victim's account has a meeting at exactly this time.
    run: call("booking-lookups", "overlapsAction", (v) => [
      { accountIds: [v.accountId], start: v.start, durationMin: 60 },
    ]),
    expect: (r) => expect(r).toEqual([]),
  },
  "cancel-meeting#cancelMeetingAction": {
    run: call("cancel-meeting", "cancelMeetingAction", (v) => [v.meetingId, "越权"]),
    expect: (r) => expect(r).toMatchObject({ ok: false, error: "not_found" }),
  },
  "cancel-meeting#cancelMeetingsAction": {
    run: call("cancel-meeting", "cancelMeetingsAction", (v) => [[v.meetingId], "越权"]),
    expect: (r) => {
      const s = JSON.stringify(r);
      expect(s).not.toMatch(/"ok":true,"status"|cancelled":1/);
      expect(s).toMatch(/not_found|notFound/);
    },
  },
  "rooms#roomAvailabilityAction": {
    run: call("rooms", "roomAvailabilityAction", (v) => [
      { appId: v.appId, start: v.start, durationMin: 60 },
    ]),
    expect: (r) => expect(r).toEqual({ ok: false, reason: "not_found" }),
  },
  "rooms#retryRoomAction": {
    run: call("rooms", "retryRoomAction", (v) => [v.meetingId]),
    expect: (r) => expect(r).toEqual({ ok: false, error: "not_found" }),
  },
  "rooms#refreshRoomsAction": {
    run: call("rooms", "refreshRoomsAction", (v) => [v.appId]),
    expect: (r) => expect(r).toEqual({ ok: false, error: "not_found" }),
  },
  "occurrences#cancelOccurrenceAction": {
    run: call("occurrences", "cancelOccurrenceAction", (v) => [v.meetingId, "123456", "越权"]),
    expect: (r) => expect(r).toMatchObject({ ok: false, error: "not_found" }),
  },
  "occurrences#moveOccurrenceAction": {
    run: call("occurrences", "moveOccurrenceAction", (v) => [
      v.meetingId,
      "123456",
      { start: "2099-01-01T10:00" },
    ]),
    expect: (r) => expect(r).toMatchObject({ ok: false, error: "not_found" }),
  },
  "check-app#checkAppAction": {
    run: call("check-app", "checkAppAction", (v) => [v.appId]),
    expect: (r) => expect(r).toEqual({ ok: false, error: "not_found" }),
  },
  "reconcile-meeting#reconcileMeetingAction": {
    run: call("reconcile-meeting", "reconcileMeetingAction", (v) => [v.meetingId]),
    expect: (r) => expect(r).toEqual({ ok: false, error: "not_found" }),
  },
  "sync-meetings#syncMeetingsNowAction": {
    run: call("sync-meetings", "syncMeetingsNowAction", (v) => [v.meetingId]),
    expect: (r) => expect(r).toEqual({ ok: false, error: "not_found" }),
  },
  "update-meeting#updateMeetingAction": {
    run: call("update-meeting", "updateMeetingAction", (v, h) => [
      v.meetingId,
      h.booking("越权修改", { appId: v.appId, adminId: v.accountId }),
      1,
    ]),
    expect: (r) => expect(r).toMatchObject({ ok: false, error: "not_found" }),
  },
  // No id: it acts on the caller's own tenant (the checks below: never on the victim's).
  "update-tenant-settings#updateTenantSettingsAction": {
    run: call("update-tenant-settings", "updateTenantSettingsAction", () => [
      { name: "外部租户改名", timeZone: "Europe/Berlin" },
    ]),
    expect: (r) => expect(r).toMatchObject({ ok: true }),
  },
  "switch-tenant#switchTenantAction": {
    run: call("switch-tenant", "switchTenantAction", (v) => [v.tenantId]),
    expect: (r) => expect(r).toEqual({ ok: false }),
  },
  "save-corp#saveCorpAction": {
    run: call("save-corp", "saveCorpAction", (v) => [
      { id: v.corpRowId, corpId: "wwevil0000000001", name: "改名" },
    ]),
    expect: notFound,
  },
  // Editing the victim's app, and adding an app under the victim's corp.
  "save-app#saveAppAction": {
    run: async (v, h) => {
      const app = (id: string) => ({
        id,
        corpRowId: v.corpRowId,
        name: "越权应用",
        kind: "self_built",
        agentId: "1000009",
        baseUrl: h.sim.sim.baseUrl,
        secret: "evil-secret-0000",
        suiteId: "",
        suiteSecret: "",
        suiteTicket: "",
        permanentCode: "",
      });
      const mod = await modules["./save-app.ts"]!();
      return [await mod.saveAppAction!(app(v.appId)), await mod.saveAppAction!(app(""))];
    },
    expect: (r) => {
      for (const one of r as unknown[]) notFound(one);
    },
  },
  "set-enabled#setCorpEnabledAction": {
    run: call("set-enabled", "setCorpEnabledAction", (v) => [v.corpRowId, false]),
    expect: notFound,
  },
  "set-enabled#setAppEnabledAction": {
    run: call("set-enabled", "setAppEnabledAction", (v) => [v.appId, false]),
    expect: notFound,
  },
  "save-account#saveAccountAction": {
    // Editing the victim's account, and mapping a new account into the victim's corp.
    run: async (v) => {
      const values = (userIds: Record<string, string>) => ({
        name: "越权账号",
        jobNumber: "X0001",
        email: "",
        mobile: "",
        department: "",
        userIds,
      });
      const mod = await modules["./save-account.ts"]!();
      return [
        await mod.saveAccountAction!(v.accountId, values({})),
        await mod.saveAccountAction!("", values({ [v.corpRowId]: "evilmap" })),
      ];
    },
    expect: (r) => {
      for (const one of r as unknown[]) notFound(one);
    },
  },
  "set-account-active#setAccountActiveAction": {
    run: call("set-account-active", "setAccountActiveAction", (v) => [v.accountId, false]),
    expect: notFound,
  },
  // The victim's app and job numbers are unknown here: errors at their cells, nothing booked.
  "batches#previewBatchAction": {
    run: call("batches", "previewBatchAction", (v) => [victimBatch(v)]),
    expect: (r) => {
      const rows = (r as { rows: { errors: { field: string }[] }[] }).rows;
      expect(rows.map((row) => row.errors.map((e) => e.field).sort())).toEqual([
        ["admin", "app", "invitees"],
      ]);
    },
  },
  "batches#createBatchAction": {
    run: call("batches", "createBatchAction", (v) => [victimBatch(v, true)]),
    expect: notFound,
  },
  // A file that names the victim's corp and one of its job numbers.
  "import-accounts#previewAccountImportAction": {
    run: call("import-accounts", "previewAccountImportAction", (v) => [victimCsv(v)]),
    // The victim's corp is no corp of the caller's: the file is refused as a whole.
    expect: (r) =>
      expect(r).toMatchObject({
        preview: { fileErrors: ["headerUnknownCorp"], addCount: 0, updateCount: 0 },
      }),
  },
  "import-accounts#confirmAccountImportAction": {
    run: call("import-accounts", "confirmAccountImportAction", (v) => [victimCsv(v)]),
    expect: notFound,
  },
  "verify-mappings#verifyMappingsAction": {
    run: call("verify-mappings", "verifyMappingsAction", (v) => [{ accountId: v.accountId }]),
    // Nothing of the caller's to verify under that id.
    expect: (r) => expect(r).toMatchObject({ total: 0, processed: 0 }),
  },
  "change-role#changeRoleAction": {
    run: call("change-role", "changeRoleAction", (v) => [{ userId: v.ownerId, role: "viewer" }]),
    expect: notFound,
  },
  "remove-member#removeMemberAction": {
    run: call("remove-member", "removeMemberAction", (v) => [{ userId: v.ownerId }]),
    expect: notFound,
  },
  "set-member-disabled#setMemberDisabledAction": {
    run: call("set-member-disabled", "setMemberDisabledAction", (v) => [
      { userId: v.ownerId, disabled: true },
    ]),
    expect: notFound,
  },
  "revoke-invite#revokeInviteAction": {
    run: call("revoke-invite", "revokeInviteAction", (v) => [{ inviteId: v.inviteId }]),
    expect: notFound,
  },
  // No id: it adds a person to the caller's own tenant (never a membership of the victim's).
  "add-user#addUserAction": {
    run: call("add-user", "addUserAction", () => [
      { email: "newcomer@meetings.test", name: "新人", role: "viewer", method: "password" },
    ]),
    expect: (r) => expect(r).toMatchObject({ ok: true }),
  },
  // No id: it makes a key of the caller's own tenant (the checks below: none of the victim's).
  "create-api-key#createApiKeyAction": {
    run: call("create-api-key", "createApiKeyAction", () => [{ name: "外部密钥", role: "admin" }]),
    expect: (r) => expect(r).toMatchObject({ ok: true }),
  },
  "revoke-api-key#revokeApiKeyAction": {
    run: call("revoke-api-key", "revokeApiKeyAction", (v) => [{ id: v.apiKeyId }]),
    expect: notFound,
  },
  "accept-invite#acceptInviteAction": "no tenant object: a token, not an id",
  "change-password#changePasswordAction": "no tenant object: the caller's own password",
  "set-locale#setLocaleAction": "no tenant object",
  "sign-in#signInAction": "no tenant object",
  "sign-out#signOutAction": "no tenant object",
};

let h: MeetingHarness;
let victim: Victim;

beforeAll(async () => {
  h = await startMeetingHarness();
  const v = h.booking("他租户的会议");
  const booked = await h.meetings.bookMeeting(h.actor(), v);
  if (!booked.ok) throw new Error("the victim's meeting was not booked");
  const row = await h.db.meeting.findUniqueOrThrow({ where: { id: booked.meetingId } });
  const invite = await h.db.invite.create({
    data: {
      tenantId: h.tenant.id,
      email: "invited@meetings.test",
      name: "受邀者",
      tokenHash: "victim-invite-hash",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const apiKey = await h.db.apiToken.create({
    data: {
      tenantId: h.tenant.id,
      name: "他租户的密钥",
      tokenHash: "victim-key-hash",
      role: "admin",
    },
  });
  victim = {
    apiKeyId: apiKey.id,
    tenantId: h.tenant.id,
    corpId: SIM_CORP_ID,
    jobNumber: (await h.db.oaAccount.findUniqueOrThrow({ where: { id: h.account("lihua") } }))
      .jobNumber!,
    corpRowId: (await h.db.app.findUniqueOrThrow({ where: { id: h.appId } })).corpRowId,
    ownerId: h.ownerId,
    inviteId: invite.id,
    meetingId: row.id,
    wecomMeetingId: row.wecomMeetingId!,
    title: row.title,
    start: v.start,
    appId: h.appId,
    accountId: h.account("lihua"),
  };

  // The attacker: the owner of a tenant of their own, with nothing in it.
  const { scopeToTenant } = await import("@/lib/db/tenant-scope");
  const { can } = await import("@/lib/auth/permissions");
  const tenant = await h.db.tenant.create({ data: { name: "外部租户", slug: "outsider" } });
  const user = await h.db.user.create({
    data: { email: "outsider@meetings.test", name: "外部所有者", passwordHash: "x" },
  });
  await h.db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
  session.ctx = {
    user: { id: user.id, name: user.name, email: user.email },
    tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, timeZone: tenant.timeZone },
    role: "owner",
    memberships: [{ tenantId: tenant.id, role: "owner" }],
    db: scopeToTenant(h.db, tenant.id),
    can: (p) => can("owner", p),
  } as TenantContext;
});
afterAll(async () => {
  await h?.close();
});

describe("server actions across tenants", () => {
  it("has a cross-tenant case for every server action in lib/actions", () => {
    expect(Object.keys(CASES).sort()).toEqual(serverActions());
  });

  const objectCases = Object.entries(CASES).filter(
    (e): e is [string, Exclude<(typeof CASES)[string], string>] => typeof e[1] !== "string",
  );
  it.each(objectCases)("%s answers not found and touches nothing", async (_, c) => {
    const before = {
      tenant: await h.db.tenant.findUniqueOrThrow({ where: { id: victim.tenantId } }),
      members: await h.db.membership.findMany({
        where: { tenantId: victim.tenantId },
        orderBy: { id: "asc" },
      }),
      invite: await h.db.invite.findUniqueOrThrow({ where: { id: victim.inviteId } }),
      meeting: await h.db.meeting.findUniqueOrThrow({ where: { id: victim.meetingId } }),
      app: await h.db.app.findUniqueOrThrow({ where: { id: victim.appId } }),
      apps: await h.db.app.count({ where: { tenantId: victim.tenantId } }),
      corp: await h.db.corp.findUniqueOrThrow({ where: { id: victim.corpRowId } }),
      audits: await h.db.auditEvent.count({ where: { tenantId: victim.tenantId } }),
      meetings: await h.db.meeting.count({ where: { tenantId: victim.tenantId } }),
      accounts: await h.db.oaAccount.findMany({
        where: { tenantId: victim.tenantId },
        orderBy: { id: "asc" },
      }),
      mappings: await h.db.mapping.findMany({
        where: { tenantId: victim.tenantId },
        orderBy: { id: "asc" },
      }),
      apiKeys: await h.db.apiToken.findMany({
        where: { tenantId: victim.tenantId },
        orderBy: { id: "asc" },
      }),
      wecomCalls: (await h.simRequests()).length,
    };
    const result = await c.run(victim, h);
    c.expect(result);
    expect(JSON.stringify(result)).not.toContain(victim.title);

    const meeting = await h.db.meeting.findUniqueOrThrow({ where: { id: victim.meetingId } });
    expect([meeting.status, meeting.version, meeting.title]).toEqual([
      before.meeting.status,
      before.meeting.version,
      before.meeting.title,
    ]);
    const tenant = await h.db.tenant.findUniqueOrThrow({ where: { id: victim.tenantId } });
    expect(tenant.updatedAt).toEqual(before.tenant.updatedAt);
    expect(
      await h.db.membership.findMany({
        where: { tenantId: victim.tenantId },
        orderBy: { id: "asc" },
      }),
    ).toEqual(before.members);
    expect(await h.db.invite.findUniqueOrThrow({ where: { id: victim.inviteId } })).toEqual(
      before.invite,
    );
    const app = await h.db.app.findUniqueOrThrow({ where: { id: victim.appId } });
    expect(app.updatedAt).toEqual(before.app.updatedAt);
    expect(await h.db.app.count({ where: { tenantId: victim.tenantId } })).toBe(before.apps);
    expect(
      (await h.db.corp.findUniqueOrThrow({ where: { id: victim.corpRowId } })).updatedAt,
    ).toEqual(before.corp.updatedAt);
    expect(await h.db.auditEvent.count({ where: { tenantId: victim.tenantId } })).toBe(
      before.audits,
    );
    expect(await h.db.meeting.count({ where: { tenantId: victim.tenantId } })).toBe(
      before.meetings,
    );
    expect(
      await h.db.oaAccount.findMany({
        where: { tenantId: victim.tenantId },
        orderBy: { id: "asc" },
      }),
    ).toEqual(before.accounts);
    expect(
      await h.db.mapping.findMany({ where: { tenantId: victim.tenantId }, orderBy: { id: "asc" } }),
    ).toEqual(before.mappings);
    expect(
      await h.db.apiToken.findMany({
        where: { tenantId: victim.tenantId },
        orderBy: { id: "asc" },
      }),
    ).toEqual(before.apiKeys);
    // Nothing of the victim's reached WeCom (the attacker's tenant has no app at all).
    expect((await h.simRequests()).length).toBe(before.wecomCalls);
  });
});
