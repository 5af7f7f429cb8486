// Setting up corps and apps as an admin does on /settings/apps: each save runs the check
// against the simulator over HTTP at once, on a real database (SQLite, and PostgreSQL
// when TEST_DATABASE_URL is set). The corp is added to the demo's sandbox tenant (the
// demo tenant already has the simulator's corp), with one mapped member to check with.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { scopeToTenant } from "@/lib/db/tenant-scope.ts";
import { decodeMsg } from "@/lib/schemas/messages.ts";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness.ts";
import { SIM_APPS, SIM_CORP_ID } from "@/lib/wecom/simulator/seed-data.ts";
import type { AppsAdminActor } from "./admin.ts";

let h: MeetingHarness;
let mod: {
  saveCorp: typeof import("./save-corp.ts").saveCorp;
  saveApp: typeof import("./save-app.ts").saveApp;
  setAppEnabled: typeof import("./set-enabled.ts").setAppEnabled;
  setCorpEnabled: typeof import("./set-enabled.ts").setCorpEnabled;
};
let sandbox: AppsAdminActor;
let corpRowId: string;

const sim = (key: string) => SIM_APPS.find((a) => a.key === key)!;
const ALL_SECRETS = SIM_APPS.flatMap((a) => [
  a.secret,
  a.suiteSecret,
  a.suiteTicket,
  a.permanentCode,
]).filter((s): s is string => Boolean(s));

function appValues(key: string, over: Record<string, string> = {}) {
  const a = sim(key);
  return {
    id: "",
    corpRowId,
    name: `${a.name} ${Math.random().toString(36).slice(2, 6)}`,
    kind: a.kind,
    agentId: String(a.agentId),
    baseUrl: h.sim.sim.baseUrl,
    suiteId: a.suiteId ?? "",
    secret: a.secret ?? "",
    suiteSecret: a.suiteSecret ?? "",
    suiteTicket: a.suiteTicket ?? "",
    permanentCode: a.permanentCode ?? "",
    ...over,
  };
}

async function saved(key: string, over: Record<string, string> = {}) {
  const result = await mod.saveApp(sandbox, appValues(key, over));
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  // Nothing a browser gets from a save holds a secret.
  const text = JSON.stringify(result);
  for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
  for (const field of ["secret", "suiteSecret", "suiteTicket", "permanentCode"])
    if (over[field]) expect(text).not.toContain(over[field]);
  return result;
}

beforeAll(async () => {
  h = await startMeetingHarness();
  mod = {
    ...(await import("./save-corp.ts")),
    ...(await import("./save-app.ts")),
    ...(await import("./set-enabled.ts")),
  };
  const tenant = await h.db.tenant.findUniqueOrThrow({ where: { slug: "demo-sandbox" } });
  sandbox = { db: scopeToTenant(h.db, tenant.id), tenantId: tenant.id, locale: "zh-CN" };
  const corp = await mod.saveCorp(sandbox, { id: "", corpId: SIM_CORP_ID, name: "模拟企业" });
  if (!corp.ok) throw new Error(JSON.stringify(corp));
  corpRowId = corp.corpRowId;
  // A member every simulator app can see, so the check can try a meeting call.
  const account = await h.db.oaAccount.create({
    data: { tenantId: tenant.id, name: "张伟", jobNumber: "S1001" },
  });
  await h.db.mapping.create({
    data: { tenantId: tenant.id, corpRowId, oaAccountId: account.id, wecomUserId: "zhangwei" },
  });
});
afterAll(async () => {
  await h?.close();
});

describe(`corps and apps set up by an admin (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("adds a corp once per tenant and records it", async () => {
    const again = await mod.saveCorp(sandbox, { id: "", corpId: SIM_CORP_ID, name: "又一次" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { corpId: "corpIdTaken" } });
    const bad = await mod.saveCorp(sandbox, { id: "", corpId: "ww 1", name: "" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["corpId", "name"]);

    const renamed = await mod.saveCorp(sandbox, {
      id: corpRowId,
      corpId: SIM_CORP_ID,
      name: "模拟",
    });
    expect(renamed).toMatchObject({
      ok: true,
      audit: [
        {
          action: "corp.update",
          objectType: "corp",
          diff: { name: { from: "模拟企业", to: "模拟" } },
        },
      ],
    });
  });

  it("checks a new app of each kind at once", async () => {
    for (const key of ["meeting-assistant", "third-party", "custom-dev"]) {
      const result = await saved(key);
      expect(result.check, key).toMatchObject({ permission: "granted", error: null, field: null });
      const row = await h.db.app.findUniqueOrThrow({ where: { id: result.appId } });
      expect(row).toMatchObject({
        status: "active",
        meetingPermission: "granted",
        kind: sim(key).kind,
      });
      expect(result.audit.map((a) => a.action)).toEqual(["app.create", "app.check"]);
    }
  });

  it("says which app lacks the meeting permission, and why", async () => {
    const result = await saved("notice-bot");
    expect(result.check.permission).toBe("denied");
    expect(result.check.field).toBeNull();
    expect(result.check.error).toMatch(/没有“会议”接口权限（48002）/);
  });

  it("blames the secret field for a wrong secret (40001), keeps it on an empty edit, replaces it", async () => {
    const wrong = await saved("meeting-assistant", { secret: "not-the-secret-of-any-app" });
    expect(wrong.check).toMatchObject({ permission: "unknown", field: "secret" });
    expect(wrong.check.error).toMatch(/Secret 无效/);
    const gettoken = (await h.sim.requests("gettoken")).at(-1);
    expect(gettoken?.errcode).toBe(40001);

    // Editing without typing a secret keeps the stored (wrong) one: still refused.
    const kept = await saved("meeting-assistant", {
      id: wrong.appId,
      name: wrong.name,
      secret: "",
    });
    expect(kept.check.field).toBe("secret");
    expect(kept.audit.map((a) => a.action)).toEqual(["app.check"]);

    const fixed = await saved("meeting-assistant", { id: wrong.appId, name: wrong.name });
    expect(fixed.check).toMatchObject({ permission: "granted", field: null });
    const update = fixed.audit.find((a) => a.action === "app.update");
    expect(update?.diff).toEqual({ secret: { from: "set", to: "set" } });
  });

  it("blames the field a credential error points at", async () => {
    const cases: [string, Record<string, string>, string, number][] = [
      ["third-party", { suiteTicket: "stale-ticket" }, "suiteTicket", 40085],
      ["third-party", { suiteId: "wwsuite-nope" }, "suiteId", 40083],
      ["third-party", { permanentCode: "wrong-permanent-code" }, "permanentCode", 40084],
      ["third-party", { suiteSecret: "wrong-suite-secret" }, "suiteSecret", 40001],
      ["custom-dev", { agentId: "1000002" }, "agentId", 40056],
    ];
    for (const [key, over, field, errcode] of cases) {
      await h.sim.clearRequests();
      const result = await saved(key, over);
      expect(result.check.field, `${field} ${errcode}`).toBe(field);
      const codes = (await h.sim.requests()).map((r) => r.errcode);
      expect(codes).toContain(errcode);
    }
  });

  it("blames the corp for an unknown corpid (40013)", async () => {
    const other = await mod.saveCorp(sandbox, {
      id: "",
      corpId: "wwnotacorp0000001",
      name: "不存在的企业",
    });
    if (!other.ok) throw new Error("refused");
    const result = await mod.saveApp(sandbox, {
      ...appValues("meeting-assistant"),
      corpRowId: other.corpRowId,
    });
    expect(result.ok && result.check.field).toBe("corpRowId");
  });

  it("blames the base URL for a caller IP WeCom does not trust (60020), or no answer", async () => {
    await h.sim.fault({
      operation: "gettoken",
      errcode: 60020,
      errmsg: "not allow to access from your ip, from ip: 203.0.113.9",
      count: 1,
    });
    const refused = await saved("meeting-assistant");
    expect(refused.check.field).toBe("baseUrl");
    expect(refused.check.error).toContain("203.0.113.9");

    const unreachable = await saved("meeting-assistant", {
      baseUrl: "http://127.0.0.1:1/cgi-bin/",
    });
    expect(unreachable.check.field).toBe("baseUrl");
  });

  it("marks a revoked app unauthorised, and active again once restored", async () => {
    const app = await saved("custom-dev");
    await h.sim.revoke("custom-dev");
    try {
      const enabledAgain = await mod.setAppEnabled(sandbox, app.appId, false);
      expect(enabledAgain.ok).toBe(true);
      const result = await mod.setAppEnabled(sandbox, app.appId, true);
      expect(result.ok && result.check?.error).toMatch(/取消对.*的授权/);
      expect((await h.db.app.findUniqueOrThrow({ where: { id: app.appId } })).status).toBe(
        "unauthorised",
      );
    } finally {
      await h.control("POST", "/__sim/apps/custom-dev/restore");
    }
    const checked = await saved("custom-dev", { id: app.appId });
    expect(checked.check.permission).toBe("granted");
    expect((await h.db.app.findUniqueOrThrow({ where: { id: app.appId } })).status).toBe("active");
  });

  it("stores secrets sealed, and never writes one into the audit trail", async () => {
    const result = await saved("third-party");
    const raw = JSON.stringify(
      await h.db.$queryRawUnsafe(`SELECT * FROM "App" WHERE "id" = '${result.appId}'`),
    );
    for (const secret of ALL_SECRETS) expect(raw).not.toContain(secret);
    const create = result.audit.find((a) => a.action === "app.create")!;
    expect(create.diff).toMatchObject({
      suiteSecret: { from: "unset", to: "set" },
      suiteTicket: { from: "unset", to: "set" },
      permanentCode: { from: "unset", to: "set" },
    });
    expect(JSON.stringify(result.audit)).not.toMatch(/sim-suite|sim-permanent/);
  });

  it("keeps the callback Token and EncodingAESKey sealed and write-only, audited as set", async () => {
    const app = await saved("meeting-assistant");
    const bad = await mod.saveApp(sandbox, {
      ...appValues("meeting-assistant"),
      id: app.appId,
      callbackToken: "only-the-token",
      callbackAesKey: "too-short",
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        callbackToken: "callbackTokenInvalid",
        callbackAesKey: "callbackAesKeyInvalid",
      },
    });
    const half = await mod.saveApp(sandbox, {
      ...appValues("meeting-assistant"),
      id: app.appId,
      callbackToken: "OnlyTheToken1",
    });
    expect(half).toMatchObject({
      ok: false,
      fieldErrors: { callbackAesKey: "callbackPairRequired" },
    });

    const token = "Tok3nForCallbacks";
    const aesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    const set = await saved("meeting-assistant", {
      id: app.appId,
      callbackToken: token,
      callbackAesKey: aesKey,
    });
    expect(JSON.stringify(set)).not.toContain(aesKey);
    expect(set.audit.find((a) => a.action === "app.update")!.diff).toMatchObject({
      callbackToken: { from: "unset", to: "set" },
      callbackAesKey: { from: "unset", to: "set" },
    });
    const raw = JSON.stringify(
      await h.db.$queryRawUnsafe(`SELECT * FROM "App" WHERE "id" = '${app.appId}'`),
    );
    expect(raw).not.toContain(token);
    expect(raw).not.toContain(aesKey);
    // The check says the callback has not verified yet.
    expect(set.check.callback).toBe("unverified");
    // An edit that leaves them empty keeps both.
    const kept = await saved("meeting-assistant", { id: app.appId });
    expect(kept.audit.find((a) => a.action === "app.update")!.diff).not.toHaveProperty(
      "callbackToken",
    );
    const row = await h.db.app.findUniqueOrThrow({
      where: { id: app.appId },
      omit: { callbackTokenEnc: false, callbackAesKeyEnc: false },
    });
    expect(row.callbackTokenEnc).not.toBeNull();
    expect(row.callbackAesKeyEnc).not.toBeNull();
  });

  it("refuses another tenant's corp or app as not found", async () => {
    const demoApp = await h.db.app.findFirstOrThrow({ where: { tenantId: h.tenant.id } });
    const demoCorp = await h.db.corp.findFirstOrThrow({ where: { tenantId: h.tenant.id } });
    expect(
      await mod.saveApp(sandbox, { ...appValues("meeting-assistant"), id: demoApp.id }),
    ).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "notFound",
    });
    expect((await mod.setAppEnabled(sandbox, demoApp.id, false)).ok).toBe(false);
    expect((await mod.setCorpEnabled(sandbox, demoCorp.id, false)).ok).toBe(false);
    const created = await mod.saveApp(sandbox, {
      ...appValues("meeting-assistant"),
      corpRowId: demoCorp.id,
    });
    expect(created).toMatchObject({ ok: false, fieldErrors: { corpRowId: "corpRequired" } });
    expect((await h.db.app.findUniqueOrThrow({ where: { id: demoApp.id } })).status).toBe("active");
  });
});

describe("disabled apps and corps do not book", () => {
  const demo = () => ({
    db: scopeToTenant(h.db, h.tenant.id),
    tenantId: h.tenant.id,
    locale: "zh-CN" as const,
  });

  it("a disabled app is refused, and books again once enabled", async () => {
    const off = await mod.setAppEnabled(demo(), h.appId, false);
    expect(off).toMatchObject({
      ok: true,
      audit: [{ action: "app.disable", diff: { status: { from: "active", to: "disabled" } } }],
    });
    try {
      const refused = await h.meetings.bookMeeting(h.actor(), h.booking("停用应用"));
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(decodeMsg(refused.fieldErrors.appId).key).toBe("appNotActive");
    } finally {
      const on = await mod.setAppEnabled(demo(), h.appId, true);
      expect(on).toMatchObject({ ok: true, check: { permission: "granted" } });
    }
    expect((await h.meetings.bookMeeting(h.actor(), h.booking("重新启用"))).ok).toBe(true);
  });

  it("a disabled corp's apps are refused; enabling the corp gives them back", async () => {
    const corp = await h.db.corp.findFirstOrThrow({ where: { tenantId: h.tenant.id } });
    expect((await mod.setCorpEnabled(demo(), corp.id, false)).ok).toBe(true);
    try {
      const refused = await h.meetings.bookMeeting(h.actor(), h.booking("停用企业"));
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(decodeMsg(refused.fieldErrors.appId).key).toBe("appNotActive");
      // The app itself is as it was.
      expect((await h.db.app.findUniqueOrThrow({ where: { id: h.appId } })).status).toBe("active");
    } finally {
      await mod.setCorpEnabled(demo(), corp.id, true);
    }
    expect((await h.meetings.bookMeeting(h.actor(), h.booking("企业恢复"))).ok).toBe(true);
  });
});
