// An app's credentials go only to WeCom (issue 15, item 1; decision 015): a base URL off
// the allow-list is refused at the field, moving an app to another base (or its corp to
// another corpid, a suite to another Suite ID) takes every secret again, and a stored
// row pointing elsewhere is never called. A local listener counts what reaches it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { scopeToTenant } from "@/lib/db/tenant-scope.ts";
import { decodeMsg } from "@/lib/schemas/messages.ts";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness.ts";
import { allowStartedSimulator } from "@/lib/wecom/base-url.ts";
import { SIM_APPS, SIM_CORP_ID } from "@/lib/wecom/simulator/seed-data.ts";
import type { AppsAdminActor } from "./admin.ts";

let h: MeetingHarness;
let mod: {
  saveCorp: typeof import("./save-corp.ts").saveCorp;
  saveApp: typeof import("./save-app.ts").saveApp;
  checkApp: typeof import("./check-app.ts").checkApp;
};
let admin: AppsAdminActor;
let corpRowId: string;
/** An address of the attacker's: on the allow-list (as an operator might list a proxy) or not. */
const listeners: { server: Server; base: string; hits: string[] }[] = [];

async function listener(allowed: boolean) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end(JSON.stringify({ errcode: 0, access_token: "attacker", expires_in: 7200 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/`;
  if (allowed) allowStartedSimulator(base);
  listeners.push({ server, base, hits });
  return { base, hits };
}

function values(key: string, over: Record<string, string> = {}) {
  const a = SIM_APPS.find((app) => app.key === key)!;
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

const NO_SECRETS = { secret: "", suiteSecret: "", suiteTicket: "", permanentCode: "" };

async function created(key: string) {
  const v = values(key);
  const result = await mod.saveApp(admin, v);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { ...v, id: result.appId };
}

const keysOf = (fieldErrors: Record<string, string>) =>
  Object.fromEntries(Object.entries(fieldErrors).map(([k, m]) => [k, decodeMsg(m).key]));

beforeAll(async () => {
  h = await startMeetingHarness();
  mod = {
    ...(await import("./save-corp.ts")),
    ...(await import("./save-app.ts")),
    ...(await import("./check-app.ts")),
  };
  const tenant = await h.db.tenant.findUniqueOrThrow({ where: { slug: "demo-sandbox" } });
  admin = { db: scopeToTenant(h.db, tenant.id), tenantId: tenant.id, locale: "zh-CN" };
  const corp = await mod.saveCorp(admin, { id: "", corpId: SIM_CORP_ID, name: "模拟企业" });
  if (!corp.ok) throw new Error(JSON.stringify(corp));
  corpRowId = corp.corpRowId;
});
afterAll(async () => {
  for (const l of listeners) await new Promise((resolve) => l.server.close(resolve));
  await h?.close();
});

describe(`an app's credentials go only to WeCom (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("refuses a base URL off the allow-list at the field, naming the setting", async () => {
    const elsewhere = await listener(false);
    const app = await created("meeting-assistant");
    for (const attempt of [
      values("meeting-assistant", { baseUrl: elsewhere.base }),
      { ...app, baseUrl: elsewhere.base },
    ]) {
      const result = await mod.saveApp(admin, attempt);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(decodeMsg(result.fieldErrors.baseUrl)).toEqual({
        key: "baseUrlNotAllowed",
        params: { official: "https://qyapi.weixin.qq.com/cgi-bin/" },
      });
    }
    expect(elsewhere.hits).toEqual([]);
  });

  it("moving an app to another base without its secret is refused, and sends nothing", async () => {
    const other = await listener(true);
    const app = await created("meeting-assistant");
    const moved = await mod.saveApp(admin, { ...app, ...NO_SECRETS, baseUrl: other.base });
    expect(moved.ok).toBe(false);
    if (!moved.ok)
      expect(keysOf(moved.fieldErrors)).toEqual({
        baseUrl: "baseUrlNeedsSecrets",
        secret: "secretReenter",
      });
    expect(other.hits).toEqual([]);
    const row = await h.db.app.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.baseUrl).toBe(h.sim.sim.baseUrl);

    // With the secret entered again, the admin sends what they typed, not what was stored.
    const typed = "a-secret-typed-again";
    const again = await mod.saveApp(admin, {
      ...app,
      ...NO_SECRETS,
      secret: typed,
      baseUrl: other.base,
    });
    expect(again.ok).toBe(true);
    const stored = SIM_APPS.find((a) => a.key === "meeting-assistant")!.secret!;
    expect(other.hits.join("\n")).toContain(typed);
    expect(other.hits.join("\n")).not.toContain(stored);
  });

  it("moving a suite to another Suite ID takes every secret of the app again", async () => {
    const app = await created("third-party");
    const moved = await mod.saveApp(admin, { ...app, ...NO_SECRETS, suiteId: "wwsuiteother0001" });
    expect(moved.ok).toBe(false);
    if (!moved.ok)
      expect(keysOf(moved.fieldErrors)).toEqual({
        suiteId: "suiteIdNeedsSecrets",
        suiteSecret: "secretReenter",
        suiteTicket: "secretReenter",
        permanentCode: "secretReenter",
      });
  });

  it("a corp's new CorpID takes every secret of every app of that corp again", async () => {
    const corp = await mod.saveCorp(admin, { id: "", corpId: "wwmovable000001", name: "可改" });
    if (!corp.ok) throw new Error("refused");
    const a = await mod.saveApp(admin, values("meeting-assistant", { corpRowId: corp.corpRowId }));
    const b = await mod.saveApp(admin, values("custom-dev", { corpRowId: corp.corpRowId }));
    if (!a.ok || !b.ok) throw new Error("refused");
    await h.sim.clearRequests();

    const half = await mod.saveCorp(admin, {
      id: corp.corpRowId,
      corpId: SIM_CORP_ID.toUpperCase(),
      name: "可改",
      appSecrets: { [a.appId]: { secret: "typed-again-1" } },
    });
    expect(half.ok).toBe(false);
    if (!half.ok)
      expect(keysOf(half.fieldErrors)).toEqual({
        corpId: "corpIdNeedsSecrets",
        [`appSecrets.${b.appId}.secret`]: "secretReenter",
      });
    expect(await h.sim.requests("gettoken")).toEqual([]);
    const row = await h.db.corp.findUniqueOrThrow({ where: { id: corp.corpRowId } });
    expect(row.corpId).toBe("wwmovable000001");

    const all = await mod.saveCorp(admin, {
      id: corp.corpRowId,
      corpId: SIM_CORP_ID.toUpperCase(),
      name: "可改",
      appSecrets: {
        [a.appId]: { secret: "typed-again-1" },
        [b.appId]: { secret: "typed-again-2" },
      },
    });
    expect(all).toMatchObject({ ok: true, rechecked: 2 });
    const sent = (await h.sim.requests("gettoken")).map((r) => JSON.stringify(r)).join("\n");
    // The simulator logs a secret's last four characters only.
    expect(sent).toContain('"corpsecret":"***in-1"');
    expect(sent).toContain('"corpsecret":"***in-2"');
  });

  it("a stored row pointing off the allow-list is never called; the check says why", async () => {
    const elsewhere = await listener(false);
    const app = await created("meeting-assistant");
    await h.db.app.update({ where: { id: app.id }, data: { baseUrl: elsewhere.base } });
    const check = await mod.checkApp(admin.db, app.id, "zh-CN");
    expect(check?.field).toBe("baseUrl");
    expect(check?.error).toContain("MEETBRIDGE_WECOM_BASE_URLS");
    expect(elsewhere.hits).toEqual([]);
  });
});
