// OA accounts and mappings on a real database (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set) with the demo tenant seeded against the WeCom simulator:
// the CSV import (twice: the second changes nothing), export → import, the form's
// unique-both-ways messages, and verification of every mapping through user/get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvRows } from "@/lib/csv/escape-cell";
import { env } from "@/lib/env.js";
import type { AccountValues } from "@/lib/schemas/account";
import { decodeMsg } from "@/lib/schemas/messages";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";
import type { AccountActor } from "./types";

let h: MeetingHarness;
let actor: AccountActor;
let corpRowId: string;
let mod: {
  imports: typeof import("./import-accounts.ts");
  save: typeof import("./save-account.ts");
  exporter: typeof import("./export-accounts.ts");
  verify: typeof import("./verify-mappings.ts");
  view: typeof import("./account-view.ts");
  bookable: typeof import("@/lib/meetings/bookable-accounts.ts");
};

beforeAll(async () => {
  h = await startMeetingHarness();
  // Loaded after the harness pointed lib/db/client.ts at the test database.
  const { scopeToTenant } = await import("@/lib/db/tenant-scope.ts");
  const { db } = await import("@/lib/db/client.ts");
  mod = {
    imports: await import("./import-accounts.ts"),
    save: await import("./save-account.ts"),
    exporter: await import("./export-accounts.ts"),
    verify: await import("./verify-mappings.ts"),
    view: await import("./account-view.ts"),
    bookable: await import("@/lib/meetings/bookable-accounts.ts"),
  };
  actor = {
    db: scopeToTenant(db, h.tenant.id),
    tenantId: h.tenant.id,
    userId: h.ownerId,
    source: "web",
    locale: "zh-CN",
    ip: "203.0.113.9",
    userAgent: "vitest",
  };
  corpRowId = (await h.db.corp.findFirstOrThrow({ where: { tenantId: h.tenant.id } })).id;
});
afterAll(async () => {
  await h?.close();
});

const bytes = (s: string) => new TextEncoder().encode(s);
const decoded = (errors: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, decodeMsg(v)]));

async function exportCsv(): Promise<string> {
  const { header, corpOrder } = await mod.exporter.exportColumns(actor.db, "zh-CN");
  let out = "\uFEFF" + csvRows([header]);
  for await (const rows of mod.exporter.accountRowsForExport(actor.db, corpOrder, "zh-CN"))
    out += csvRows(rows);
  return out;
}

describe(`OA accounts (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("imports a file once: the second import of the same file changes nothing", async () => {
    const csv = [
      "姓名,工号,邮箱,手机,部门,企业微信账号",
      "导入甲,T001,jia@example.com,13900000001,导入部,import-jia",
      "导入乙,T002,,,导入部,import-yi",
      "导入丙,T003,,,导入部,",
      // an existing account: a new mobile number, the same userid
      "张伟,E1001,zhangwei@demo-corp.example.com,13900000009,总经办,zhangwei",
    ].join("\n");
    const before = await h.db.oaAccount.count({ where: { tenantId: h.tenant.id } });
    const preview = await mod.imports.previewImport(actor, bytes(csv));
    expect(preview).toMatchObject({ addCount: 3, updateCount: 1, unchanged: 0, errorCount: 0 });
    expect(preview.update[0]!.changes).toEqual([
      { field: "mobile", from: expect.any(String), to: "13900000009" },
    ]);
    // The preview wrote nothing.
    expect(await h.db.oaAccount.count({ where: { tenantId: h.tenant.id } })).toBe(before);

    const first = await mod.imports.confirmImport(actor, bytes(csv), preview.token);
    expect(first).toEqual({
      ok: true,
      added: 3,
      updated: 1,
      unchanged: 0,
      skipped: [],
      skippedCount: 0,
      verifySince: expect.any(String),
    });
    expect(await h.db.oaAccount.count({ where: { tenantId: h.tenant.id } })).toBe(before + 3);
    const jia = await h.db.oaAccount.findFirstOrThrow({
      where: { tenantId: h.tenant.id, jobNumber: "T001" },
      include: { mappings: true },
    });
    expect(jia.mappings.map((m) => m.wecomUserId)).toEqual(["import-jia"]);
    const history = await mod.view.accountHistory(actor.db, jia.id);
    expect(history.map((e) => [e.objectType, e.action])).toEqual(
      expect.arrayContaining([
        ["account", "account.create"],
        ["mapping", "mapping.create"],
      ]),
    );
    expect(history[0]!.diff).toMatchObject({ via: "import" });

    const audits = await h.db.auditEvent.count({ where: { tenantId: h.tenant.id } });
    const again = await mod.imports.previewImport(actor, bytes(csv));
    expect(again).toMatchObject({ addCount: 0, updateCount: 0, unchanged: 4, errorCount: 0 });
    expect(await mod.imports.confirmImport(actor, bytes(csv), again.token)).toEqual({
      ok: true,
      added: 0,
      updated: 0,
      unchanged: 4,
      skipped: [],
      skippedCount: 0,
      verifySince: null,
    });
    expect(await h.db.oaAccount.count({ where: { tenantId: h.tenant.id } })).toBe(before + 3);
    expect(await h.db.auditEvent.count({ where: { tenantId: h.tenant.id } })).toBe(audits);
  });

  it("refuses to write a file with errors, or one whose plan changed since the preview", async () => {
    const bad = "姓名,工号,企业微信账号\n坏行,T100,lihua\n好行,T101,import-good\n";
    const preview = await mod.imports.previewImport(actor, bytes(bad));
    expect(preview.errors.map((e) => [e.line, e.column, decodeMsg(e.message)])).toEqual([
      [
        2,
        "企业微信账号",
        { key: "userIdTaken", params: { userId: "lihua", name: "李华", jobNumber: "E1005" } },
      ],
    ]);
    const refused = await mod.imports.confirmImport(actor, bytes(bad), preview.token);
    expect(refused.ok).toBe(false);
    expect(await h.db.oaAccount.count({ where: { jobNumber: { in: ["T100", "T101"] } } })).toBe(0);

    const good = "姓名,工号,企业微信账号\n好行,T101,import-good\n";
    const stale = await mod.imports.confirmImport(actor, bytes(good), "not-the-token");
    expect(stale).toMatchObject({ ok: false, formError: "importStale", preview: { addCount: 1 } });
    expect(await h.db.oaAccount.count({ where: { jobNumber: "T101" } })).toBe(0);
  });

  it("exports every account so that importing the export changes nothing", async () => {
    // Cells a spreadsheet would run as formulas, and one that already starts with "'".
    const risky = await mod.save.saveAccount(actor, null, {
      name: "=1+2",
      jobNumber: "'=E9",
      email: "",
      mobile: "",
      department: "-1+cmd|' /C calc'!A0",
      userIds: {},
    });
    expect(risky).toMatchObject({ ok: true, changed: true });
    const csv = await exportCsv();
    expect(csv).toContain(`'=1+2,''=E9,,,'-1+cmd|' /C calc'!A0,启用,`);
    expect(csv.startsWith("\uFEFF姓名,工号,邮箱,手机,部门,状态,企业微信账号\n")).toBe(true);
    expect(csv).toContain(
      "张伟,E1001,zhangwei@demo-corp.example.com,13900000009,总经办,启用,zhangwei",
    );
    const total = await h.db.oaAccount.count({ where: { tenantId: h.tenant.id } });
    const preview = await mod.imports.previewImport(actor, bytes(csv));
    expect(preview).toMatchObject({ addCount: 0, updateCount: 0, errorCount: 0, unchanged: total });
  });

  it("keeps a userid to one account and an account to one userid per corp, naming the holder", async () => {
    const values = (over: Partial<AccountValues> = {}): AccountValues => ({
      name: "表单新人",
      jobNumber: "F001",
      email: "",
      mobile: "",
      department: "研发部",
      userIds: { [corpRowId]: "lihua" },
      ...over,
    });
    const taken = await mod.save.saveAccount(actor, null, values({ jobNumber: "E1001" }));
    expect(taken.ok).toBe(false);
    expect(!taken.ok && decoded(taken.fieldErrors)).toEqual({
      jobNumber: { key: "jobNumberTaken", params: { jobNumber: "E1001", name: "张伟" } },
      [`userIds.${corpRowId}`]: {
        key: "userIdTaken",
        params: { userId: "lihua", name: "李华", jobNumber: "E1005" },
      },
    });

    const created = await mod.save.saveAccount(
      actor,
      null,
      values({ userIds: { [corpRowId]: "form-new" } }),
    );
    expect(created).toMatchObject({ ok: true, changed: true });
    const id = created.ok ? created.accountId : "";

    // Editing it to a userid someone else holds is refused at that field; nothing changes.
    const edit = await mod.save.saveAccount(
      actor,
      id,
      values({ name: "表单新人（改）", userIds: { [corpRowId]: "zhaolei" } }),
    );
    expect(!edit.ok && decoded(edit.fieldErrors)).toEqual({
      [`userIds.${corpRowId}`]: {
        key: "userIdTaken",
        params: { userId: "zhaolei", name: "赵磊", jobNumber: "E1006" },
      },
    });
    const row = await h.db.oaAccount.findUniqueOrThrow({
      where: { id },
      include: { mappings: true },
    });
    expect([row.name, row.mappings.map((m) => m.wecomUserId)]).toEqual(["表单新人", ["form-new"]]);
    // The database agrees: a second mapping of the account in the corp is refused.
    await expect(
      h.db.mapping.create({
        data: { tenantId: h.tenant.id, corpRowId, oaAccountId: id, wecomUserId: "form-second" },
      }),
    ).rejects.toThrow();

    // A free userid is taken over; the history shows both changes.
    const moved = await mod.save.saveAccount(
      actor,
      id,
      values({ email: "form@example.com", userIds: { [corpRowId]: "form-moved" } }),
    );
    expect(moved).toMatchObject({ ok: true, changed: true });
    const deactivated = await mod.save.setAccountActive(actor, id, false);
    expect(deactivated).toEqual({ ok: true, changed: true });
    const history = await mod.view.accountHistory(actor.db, id);
    expect(history[0]!.action).toBe("account.deactivate");
    expect(history.map((e) => e.action).sort()).toEqual([
      "account.create",
      "account.deactivate",
      "account.update",
      "mapping.create",
      "mapping.update",
    ]);
    expect(history.find((e) => e.action === "mapping.update")!.diff).toMatchObject({
      wecomUserId: { from: "form-new", to: "form-moved" },
    });
  });

  it("imports the valid rows of a file with a bad one, lists it, and verifies the userids it wrote", async () => {
    const file = [
      "姓名,工号,企业微信账号",
      "有效甲,V001,valid-jia",
      "坏行,V002,lihua",
      "有效乙,V003,",
      "有效丙,V004,caoyu-not-here",
    ].join("\n");
    const preview = await mod.imports.previewImport(actor, bytes(file));
    expect(preview).toMatchObject({ addCount: 3, errorCount: 1 });
    // Without choosing to, nothing is written.
    const refused = await mod.imports.confirmImport(actor, bytes(file), preview.token);
    expect(refused).toMatchObject({ ok: false, formError: "importHasErrors" });
    expect(await h.db.oaAccount.count({ where: { jobNumber: { startsWith: "V00" } } })).toBe(0);

    const done = await mod.imports.confirmImport(actor, bytes(file), preview.token, {
      onlyValid: true,
    });
    if (!done.ok) throw new Error("not imported");
    expect(done).toMatchObject({ added: 3, updated: 0, skippedCount: 1 });
    expect(done.skipped.map((e) => [e.line, e.column, decodeMsg(e.message).key])).toEqual([
      [3, "企业微信账号", "userIdTaken"],
    ]);
    const imported = await h.db.oaAccount.findMany({
      where: { tenantId: h.tenant.id, jobNumber: { startsWith: "V00" } },
      orderBy: { jobNumber: "asc" },
    });
    expect(imported.map((a) => a.jobNumber)).toEqual(["V001", "V003", "V004"]);

    // Right after: only the two userids this import wrote are asked about.
    await h.sim.clearRequests();
    const checked = await mod.verify.verifyMappingsBatch(actor, {
      cursor: null,
      createdSince: new Date(done.verifySince!),
    });
    expect(checked).toMatchObject({ total: 2, processed: 2, done: true });
    expect(checked.counts).toMatchObject({ ok: 0, not_found: 2, out_of_range: 0 });
    expect((await h.simRequests("user/get")).map((r) => String(r.query.userid)).sort()).toEqual([
      "caoyu-not-here",
      "valid-jia",
    ]);
    const jia = await h.db.mapping.findFirstOrThrow({ where: { wecomUserId: "valid-jia" } });
    expect(jia.verifyStatus).toBe("not_found");
  });

  it("verifies every mapping through the corp's bookable apps and the pickers show what it found", async () => {
    // An account mapped to a userid WeCom does not know.
    await mod.save.saveAccount(actor, null, {
      name: "幽灵",
      jobNumber: "G001",
      email: "",
      mobile: "",
      department: "研发部",
      userIds: { [corpRowId]: "ghost-nobody" },
    });
    const total = await h.db.mapping.count({ where: { tenantId: h.tenant.id } });
    await h.sim.clearRequests();

    let cursor: string | null = null;
    let batches = 0;
    const counts = { ok: 0, not_found: 0, out_of_range: 0, skipped: 0 };
    for (;;) {
      const r = await mod.verify.verifyMappingsBatch(actor, { cursor, batchSize: 10 });
      expect(r.error).toBeUndefined();
      expect(r.total).toBe(total);
      for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += r.counts[k];
      batches++;
      cursor = r.nextCursor;
      if (r.done) break;
    }
    expect(batches).toBe(Math.ceil(total / 10) + (total % 10 === 0 ? 1 : 0));
    // Each mapping once through 会议助手; the five of 行政人事部 it cannot see once more,
    // through 会议通, which can.
    expect((await h.sim.requests("user/get")).length).toBe(total + 5);
    const thirdParty = await h.db.app.findFirstOrThrow({
      where: { tenantId: h.tenant.id, name: "会议通（第三方应用）" },
    });

    const byUser = new Map(
      (await h.db.mapping.findMany({ where: { tenantId: h.tenant.id } })).map((m) => [
        m.wecomUserId,
        m,
      ]),
    );
    // Outside 会议助手's range but bookable through 会议通: not a problem of the mapping.
    for (const u of ["dengli", "xiaoming", "tianjing", "panyue", "duwei"]) {
      expect(byUser.get(u)!.verifyStatus, u).toBe("ok");
      expect(byUser.get(u)!.verifiedAppId, u).toBe(thirdParty.id);
    }
    for (const u of ["zhangwei", "lihua", "caoyu"]) {
      expect(byUser.get(u)!.verifyStatus, u).toBe("ok");
      expect(byUser.get(u)!.verifiedAppId, u).toBe(h.appId);
    }
    // Mappings the import and the form made up are unknown to WeCom.
    for (const u of ["ghost-nobody", "import-jia", "form-moved"])
      expect(byUser.get(u)!.verifyStatus, u).toBe("not_found");
    expect(counts.out_of_range).toBe(0);
    expect(counts.ok + counts.not_found + counts.out_of_range).toBe(total);
    expect(byUser.get("ghost-nobody")!.verifiedAppId).toBe(h.appId);
    expect(byUser.get("dengli")!.verifiedAt).toBeInstanceOf(Date);

    // The booking pickers: blocked with the reason, the same rule as the app check.
    const search = async (appId: string, q: string) =>
      (await mod.bookable.searchBookableAccounts(actor.db, appId, q)).accounts.find(
        (a) => a.name === q,
      );
    expect(await search(h.appId, "幽灵")).toMatchObject({ blocked: "not_found" });
    // 会议助手 still cannot see 邓丽 (its own answer, kept in its lists), and says who can.
    expect(await search(h.appId, "邓丽")).toMatchObject({
      blocked: "out_of_range",
      seenBy: "会议通（第三方应用）",
    });
    const assistant = await h.db.app.findUniqueOrThrow({ where: { id: h.appId } });
    expect((assistant.visibleRange as { outOfRange: string[] }).outOfRange).toContain("dengli");
    expect((await search(h.appId, "李华"))?.blocked).toBeUndefined();
    // Through an app that sees everyone, 会议助手's range does not count; an unknown
    // userid is unknown to every app of the corp.
    expect((await search(thirdParty.id, "邓丽"))?.blocked).toBeUndefined();
    expect(await search(thirdParty.id, "幽灵")).toMatchObject({ blocked: "not_found" });

    // Booking refuses the unknown userid at its field, naming the account.
    const ghost = await h.db.oaAccount.findFirstOrThrow({ where: { jobNumber: "G001" } });
    const booked = await h.meetings.bookMeeting(
      h.actor(),
      h.booking("幽灵会议", { inviteeIds: [ghost.id] }),
    );
    expect(!booked.ok && decodeMsg(booked.fieldErrors.inviteeIds)).toEqual({
      key: "accountUserIdUnknown",
      params: { name: "幽灵", userId: "ghost-nobody" },
    });

    // A verdict that changed is in the account's history.
    const history = await mod.view.accountHistory(actor.db, ghost.id);
    expect(history[0]).toMatchObject({
      action: "mapping.verify",
      diff: { verifyStatus: { from: null, to: "not_found" } },
    });
  });

  it("stops a batch when WeCom refuses the app, and resumes from the same place", async () => {
    await h.sim.fault({ operation: "user/get", errcode: 60020, count: 1 });
    const failed = await mod.verify.verifyMappingsBatch(actor, { cursor: null, batchSize: 10 });
    expect(failed).toMatchObject({ done: false, nextCursor: null, processed: 0 });
    expect(decodeMsg(failed.error).key).toBe("wecom");
    const resumed = await mod.verify.verifyMappingsBatch(actor, { cursor: null, batchSize: 10 });
    expect(resumed).toMatchObject({ processed: 10 });
    expect(resumed.error).toBeUndefined();
  });
});
