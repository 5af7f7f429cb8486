// The HTTP API in-process (app.request) on a real database (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set) against the WeCom simulator: every answer a flow can get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";
import type { Role } from "@/lib/auth/permissions";
import { MEETING_STATUS } from "@/lib/wecom/schemas";
import { PROBLEM_BASE } from "./problem";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in assertions
type Json = Record<string, any>;
type App = ReturnType<typeof import("./app.ts").createApiApp>;

let h: MeetingHarness;
let app: App;
let newApiKey: typeof import("@/lib/api-keys/token.ts").newApiKey;
const keys: Record<string, string> = {};
let otherTenantKey: string;
let serial = 0;

async function keyFor(tenantId: string, role: Role, name = `${role}-key-${++serial}`) {
  const k = newApiKey();
  await h.db.apiToken.create({
    data: { tenantId, name, role, tokenHash: k.tokenHash, prefix: k.prefix },
  });
  return k.key;
}

beforeAll(async () => {
  h = await startMeetingHarness();
  ({ newApiKey } = await import("@/lib/api-keys/token.ts"));
  const { createApiApp } = await import("./app.ts");
  app = createApiApp();
  for (const role of ["admin", "booker", "viewer"] as const)
    keys[role] = await keyFor(h.tenant.id, role, `OA 流程 ${role}`);
  const other = await h.db.tenant.create({
    data: { name: "他方租户", slug: `other-${Date.now()}` },
  });
  otherTenantKey = await keyFor(other.id, "admin");
});
afterAll(async () => {
  await h?.close();
});

interface Call {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

async function call(method: string, path: string, { key = keys.admin, body, headers }: Call = {}) {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { res, status: res.status, json: text ? (JSON.parse(text) as Json) : null };
}

/** A valid API booking body (the harness's form values, people by id). */
function booking(name: string, over: Record<string, unknown> = {}) {
  const { idempotencyKey: _k, ...v } = h.booking(name);
  return { ...v, ...over };
}

async function book(name: string, key = keys.admin, over: Record<string, unknown> = {}) {
  const r = await call("POST", "/meetings", { key, body: booking(name, over) });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json!;
}

function expectProblem(
  r: { status: number; res: Response; json: Json | null },
  status: number,
  type: string,
) {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.res.headers.get("content-type")).toContain("application/problem+json");
  expect(r.json).toMatchObject({ type: PROBLEM_BASE + type, status });
  expect(JSON.stringify(r.json)).not.toMatch(/\bat .*\.(ts|js):\d+/); // never a stack trace
}

describe(`the HTTP API (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("books with people by job number, answers the WeCom meetingid, and audits via the key", async () => {
    const lihua = await h.db.oaAccount.findUniqueOrThrow({ where: { id: h.account("lihua") } });
    const sunli = await h.db.oaAccount.findUniqueOrThrow({ where: { id: h.account("sunli") } });
    expect(lihua.jobNumber && sunli.jobNumber).toBeTruthy();
    const v = booking("工号预约", { adminId: undefined });
    delete (v as Record<string, unknown>).adminId;
    const reads = (await h.simRequests("meeting/get_info")).length;
    const r = await call("POST", "/meetings", {
      body: { ...v, adminJobNumber: lihua.jobNumber, inviteeJobNumbers: [sunli.jobNumber] },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const [held] = await h.simMeetingsTitled(v.title);
    // One WeCom round trip: the code and link come with meeting/create's answer (api doc).
    expect(await h.simRequests("meeting/get_info")).toHaveLength(reads);
    expect(r.json).toMatchObject({
      title: v.title,
      adminId: lihua.id,
      inviteeIds: [sunli.id],
      wecomMeetingId: held!.meetingid,
      meetingCode: held!.meeting_code,
      meetingLink: held!.meeting_link,
      status: "booked",
      version: 1,
      bookedByThisKey: true,
    });
    expect(r.res.headers.get("etag")).toBe('"1"');
    expect(r.res.headers.get("location")).toBe(`/api/v1/meetings/${r.json!.id}`);
    const row = await h.db.meeting.findUniqueOrThrow({ where: { id: r.json!.id } });
    expect(row.createdByTokenId).not.toBeNull();
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { objectType: "Meeting", objectId: row.id, action: "meeting.book" },
    });
    expect(audit).toMatchObject({ source: "api", actorUserId: null });
    expect(audit.diff).toMatchObject({ via: "OA 流程 admin" });
  });

  it("reads by id and by wecom:{meetingid}, lists by cursor, and audits reads as api.call", async () => {
    const a = await book("读取一");
    const b = await book("读取二");
    const byId = await call("GET", `/meetings/${a.id}`, { key: keys.viewer });
    expect(byId.status).toBe(200);
    expect(byId.json).toMatchObject({ id: a.id, title: a.title });
    const byWecom = await call("GET", `/meetings/wecom:${a.wecomMeetingId}?refresh=1`, {
      key: keys.viewer,
    });
    expect(byWecom.status).toBe(200);
    expect(byWecom.json!.id).toBe(a.id);
    expect(byWecom.json!.meetingCode).toBeTruthy();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/meetings?limit=1&q=${encodeURIComponent("读取")}${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await call("GET", q, { key: keys.viewer });
      expect(page.status).toBe(200);
      seen.push(...page.json!.items.map((m: { id: string }) => m.id));
      cursor = page.json!.nextCursor;
    } while (cursor);
    expect(seen).toEqual([b.id, a.id]); // newest start first, each once
    const bad = await call("GET", "/meetings?cursor=bm9wZQ", { key: keys.viewer });
    expectProblem(bad, 422, "validation");
    expect(bad.json!.errors[0].pointer).toBe("/cursor");

    const calls = await h.db.auditEvent.findMany({
      where: { action: "api.call", objectType: "ApiToken", source: "api" },
    });
    expect(calls.map((e) => e.diff)).toContainEqual(
      expect.objectContaining({ method: "GET", path: `/api/v1/meetings/${a.id}`, status: 200 }),
    );
  });

  it("updates by wecom:{meetingid} with If-Match, sending only what changed; 412 when stale", async () => {
    const m = await book("修改");
    await h.sim.clearRequests();
    const r = await call("PATCH", `/meetings/wecom:${m.wecomMeetingId}`, {
      body: { title: `${m.title} 改` },
      headers: { "if-match": '"1"' },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ title: `${m.title} 改`, version: 2 });
    expect(r.res.headers.get("etag")).toBe('"2"');
    const updates = await h.simRequests("meeting/update");
    expect(updates).toHaveLength(1);
    expect(Object.keys(updates[0]!.body as object).sort()).toEqual(["meetingid", "title"]);

    const stale = await call("PATCH", `/meetings/${m.id}`, {
      body: { title: "过期版本" },
      headers: { "if-match": '"1"' },
    });
    expectProblem(stale, 412, "precondition-failed");
    expect(stale.json!.currentVersion).toBe(2);
    expect(await h.simRequests("meeting/update")).toHaveLength(1);
  });

  it("cancels with a reason (DELETE and POST …/cancel); a second cancel is 409", async () => {
    const m = await book("取消");
    const r = await call("POST", `/meetings/${m.id}/cancel`, { body: { reason: "审批撤回" } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json!.status).toBe("cancelled");
    const [held] = await h.simMeetingsTitled(m.title);
    expect(held!.status).toBe(MEETING_STATUS.cancelled);
    const again = await call("DELETE", `/meetings/${m.id}?reason=x`);
    expectProblem(again, 409, "meeting-not-editable");
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { objectId: m.id, action: "meeting.cancel" },
    });
    expect(audit.diff).toMatchObject({ reason: "审批撤回", via: "OA 流程 admin" });

    const d = await book("删除取消");
    const del = await call(
      "DELETE",
      `/meetings/wecom:${d.wecomMeetingId}?reason=${encodeURIComponent("流程终止")}`,
    );
    expect(del.status, JSON.stringify(del.json)).toBe(200);
    expect(del.json!.status).toBe("cancelled");
  });

  it("refuses a missing, unknown and revoked key with 401 and WWW-Authenticate", async () => {
    const revoked = await keyFor(h.tenant.id, "admin");
    await h.db.apiToken.updateMany({
      where: { name: `admin-key-${serial}` },
      data: { revokedAt: new Date() },
    });
    for (const key of [null, "mbk_unknown", revoked, "not-a-key"]) {
      const r = await call("GET", "/meetings", { key });
      expectProblem(r, 401, "unauthorized");
      expect(r.res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("lets a viewer key read only, and a booker key manage only what it booked (403)", async () => {
    const viewer = await call("POST", "/meetings", { key: keys.viewer, body: booking("只读") });
    expectProblem(viewer, 403, "forbidden");
    expect(await h.createsOf(booking("只读").title)).toHaveLength(0);

    const byAdmin = await book("管理员的");
    const notMine = await call("PATCH", `/meetings/${byAdmin.id}`, {
      key: keys.booker,
      body: { title: "不是我的" },
    });
    expectProblem(notMine, 403, "forbidden");
    const mine = await book("预约人的", keys.booker);
    const ok = await call("PATCH", `/meetings/${mine.id}`, {
      key: keys.booker,
      body: { durationMin: 45 },
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect(ok.json!.durationMin).toBe(45);
    const viewerCancel = await call("DELETE", `/meetings/${mine.id}`, { key: keys.viewer });
    expectProblem(viewerCancel, 403, "forbidden");
  });

  it("answers 404 for unknown ids and for another tenant's meetings, alike", async () => {
    const m = await book("他方不可见");
    const unknown = await call("GET", "/meetings/nope");
    const otherKey = await call("GET", `/meetings/${m.id}`, { key: otherTenantKey });
    const otherWecom = await call("GET", `/meetings/wecom:${m.wecomMeetingId}`, {
      key: otherTenantKey,
    });
    const otherCancel = await call("DELETE", `/meetings/${m.id}`, { key: otherTenantKey });
    for (const r of [unknown, otherKey, otherWecom, otherCancel])
      expectProblem(r, 404, "not-found");
    expect(otherKey.json!.detail).toBe(unknown.json!.detail);
    expect(JSON.stringify(otherKey.json)).not.toContain(m.title);
    const list = await call("GET", `/meetings?q=${encodeURIComponent("他方不可见")}`, {
      key: otherTenantKey,
    });
    expect(list.json!.items).toEqual([]);
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("booked");
  });

  it("refuses invalid input with the booking form's own messages, in zh-CN and en", async () => {
    const { translateMsg } = await import("@/lib/i18n/translate-msg.ts");
    const { createTranslator } = await import("use-intl/core");
    const zh = (await import("@/lib/i18n/messages/zh-CN.json")).default;
    const en = (await import("@/lib/i18n/messages/en.json")).default;
    const { bookingSchema } = await import("@/lib/schemas/booking.ts");
    const { INVITEES_MAX_PAID } = await import("@/lib/wecom/rules.ts");
    const { maxInvitees } = await h.db.app.findUniqueOrThrow({ where: { id: h.appId } });

    const bad = booking("校验", {
      title: "长".repeat(60),
      durationMin: 24 * 60,
      inviteeIds: Array.from({ length: INVITEES_MAX_PAID + 1 }, (_, i) => `acc-${i}`),
    });
    // What the form shows for the same input: the one schema, translated from the catalogue.
    const form = bookingSchema({ timeZone: h.tenant.timeZone }).safeParse({
      ...bad,
      idempotencyKey: "form-check-key",
    });
    expect(form.success).toBe(false);
    for (const [lang, messages] of [
      ["zh-CN", zh],
      ["en", en],
    ] as const) {
      const t = createTranslator({ locale: lang, messages, namespace: "booking.errors" });
      const formText = (field: string) =>
        translateMsg(t as never, form.error!.issues.find((i) => i.path[0] === field)!.message);
      const r = await call("POST", "/meetings", {
        body: bad,
        headers: { "accept-language": lang === "en" ? "en-US,en;q=0.9" : "zh-CN" },
      });
      expectProblem(r, 422, "validation");
      const at = (p: string) =>
        r.json!.errors.find((e: { pointer: string }) => e.pointer === p)?.detail;
      expect(at("/title")).toBe(formText("title"));
      expect(at("/durationMin")).toBe(formText("durationMin"));
      expect(r.res.headers.get("content-language")).toBe(lang);
      // The invitee cap needs the app: lib/meetings says it, as it does to the form.
      const many = await call("POST", "/meetings", {
        body: booking("人数", { inviteeIds: bad.inviteeIds }),
        headers: { "accept-language": lang },
      });
      expectProblem(many, 422, "validation");
      expect(many.json!.errors).toEqual([
        {
          pointer: "/inviteeIds",
          detail: t("tooManyInvitees", { max: maxInvitees }),
        },
      ]);
    }
    const unknownJob = await call("POST", "/meetings", {
      body: { ...booking("工号不存在"), inviteeJobNumbers: ["NO-SUCH-1"] },
    });
    expectProblem(unknownJob, 422, "validation");
    expect(unknownJob.json!.errors).toEqual([
      { pointer: "/inviteeJobNumbers/0", detail: "工号 NO-SUCH-1 没有对应的账号" },
    ]);
    const malformed = await app.request("/api/v1/meetings", {
      method: "POST",
      headers: { authorization: `Bearer ${keys.admin}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { type: string }).type).toBe(
      `${PROBLEM_BASE}malformed-request`,
    );
  });

  it("gives WeCom's errcode when WeCom refuses, and 502 (booking kept) when it does not answer", async () => {
    await h.sim.fault({ operation: "meeting/create", errcode: 40058, errmsg: "invalid title: x" });
    const refused = await call("POST", "/meetings", { body: booking("企业微信拒绝") });
    expectProblem(refused, 422, "wecom-refused");
    expect(refused.json!.wecomErrcode).toBe(40058);

    await h.sim.fault({ operation: "meeting/create", drop: true });
    const v = booking("企业微信无应答");
    const lost = await call("POST", "/meetings", {
      body: v,
      headers: { "idempotency-key": `lost-${Date.now()}` },
    });
    expectProblem(lost, 502, "wecom-unavailable");
    expect(lost.json!.detail).toContain("会议预约已保留");
    const row = await h.db.meeting.findUniqueOrThrow({ where: { id: lost.json!.meetingId } });
    expect(row.syncState).toBe("needs_reconciliation");
  });

  it("limits each key per minute: 429 with Retry-After", async () => {
    const { createApiApp } = await import("./app.ts");
    const limited = createApiApp({ rateLimitPerMinute: 2 });
    const key = await keyFor(h.tenant.id, "viewer");
    const get = () =>
      limited.request("/api/v1/apps", { headers: { authorization: `Bearer ${key}` } });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const over = await get();
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await over.json()) as { type: string }).type).toBe(`${PROBLEM_BASE}rate-limited`);
    // Another key has its own budget.
    const other = await keyFor(h.tenant.id, "viewer");
    const res = await limited.request("/api/v1/apps", {
      headers: { authorization: `Bearer ${other}` },
    });
    expect(res.status).toBe(200);
  });

  it("counts a /meetings request once against the key's budget", async () => {
    const { createApiApp } = await import("./app.ts");
    const limited = createApiApp({ rateLimitPerMinute: 2 });
    const key = await keyFor(h.tenant.id, "viewer");
    const list = () =>
      limited.request("/api/v1/meetings?limit=1", { headers: { authorization: `Bearer ${key}` } });
    expect((await list()).status).toBe(200);
    expect((await list()).status).toBe(200);
    expect((await list()).status).toBe(429);
  });

  it("20 concurrent POSTs with one Idempotency-Key: one meeting, one WeCom create, 20 identical answers", async () => {
    const v = booking("并发幂等");
    const key = `flow-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call("POST", "/meetings", { body: v, headers: { "idempotency-key": key } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const bodies = new Set(answers.map((a) => JSON.stringify(a.json)));
    expect(bodies.size).toBe(1);
    expect(answers.filter((a) => a.res.headers.get("idempotent-replayed") === "true")).toHaveLength(
      19,
    );
    expect(await h.createsOf(v.title)).toHaveLength(1);
    expect(await h.db.meeting.count({ where: { title: v.title } })).toBe(1);

    const later = await call("POST", "/meetings", { body: v, headers: { "idempotency-key": key } });
    expect(JSON.stringify(later.json)).toBe([...bodies][0]);
    const otherBody = await call("POST", "/meetings", {
      body: { ...v, title: `${v.title} 另一份` },
      headers: { "idempotency-key": key },
    });
    expectProblem(otherBody, 422, "idempotency-key-reused");
    expect(await h.createsOf(`${v.title} 另一份`)).toHaveLength(0);
  });

  it("forgets an Idempotency-Key after its 24 hours (lazily, and by the sweep)", async () => {
    const { IDEMPOTENCY_TTL_MS } = await import("./idempotency.ts");
    const { sweepIdempotency } = await import("./idempotency-sweep.ts");
    expect(IDEMPOTENCY_TTL_MS).toBeGreaterThanOrEqual(24 * 3600_000);
    const token = await h.db.apiToken.findFirstOrThrow({ where: { name: "OA 流程 admin" } });
    const old = { tenantId: h.tenant.id, tokenId: token.id, operation: "POST /meetings" };
    const past = new Date(Date.now() - 1000);
    await h.db.apiIdempotency.create({
      data: {
        ...old,
        key: "expired-key",
        requestHash: "x",
        status: 201,
        response: "{}",
        expiresAt: past,
      },
    });
    const r = await call("POST", "/meetings", {
      body: booking("过期幂等键"),
      headers: { "idempotency-key": "expired-key" },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.res.headers.get("idempotent-replayed")).toBeNull();

    await h.db.apiIdempotency.create({
      data: { ...old, key: "swept-key", requestHash: "x", expiresAt: past },
    });
    expect(await sweepIdempotency(h.db)).toBe(1);
    expect(await h.db.apiIdempotency.count({ where: { key: "swept-key" } })).toBe(0);
    expect(await h.db.apiIdempotency.count({ where: { key: "expired-key" } })).toBe(1);
  });

  it("replays a cancel by its Idempotency-Key without a second WeCom call", async () => {
    const m = await book("幂等取消");
    await h.sim.clearRequests();
    const headers = { "idempotency-key": `cancel-${m.id}` };
    const first = await call("POST", `/meetings/${m.id}/cancel`, {
      body: { reason: "重复" },
      headers,
    });
    const second = await call("POST", `/meetings/${m.id}/cancel`, {
      body: { reason: "重复" },
      headers,
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.res.headers.get("idempotent-replayed")).toBe("true");
    expect(second.json).toEqual(first.json);
    expect(await h.simRequests("meeting/cancel")).toHaveLength(1);
  });

  it("lists apps with whether they may book, and accounts with their mappings", async () => {
    const apps = await call("GET", "/apps", { key: keys.viewer });
    expect(apps.status).toBe(200);
    expect(apps.json!.items).toContainEqual(
      expect.objectContaining({ id: h.appId, name: "会议助手", bookable: true, reason: null }),
    );
    const accounts = await call("GET", "/accounts?q=lihua", { key: keys.viewer });
    expect(accounts.status).toBe(200);
    expect(accounts.json!.items).toContainEqual(
      expect.objectContaining({
        id: h.account("lihua"),
        mappings: [expect.objectContaining({ wecomUserId: "lihua" })],
      }),
    );
  });

  it("serves its OpenAPI 3.1 document, with the bearer scheme and the problem schema", async () => {
    const res = await app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Json;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.schemas.Problem).toBeTruthy();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/meetings",
        "/api/v1/meetings/{id}",
        "/api/v1/meetings/{id}/cancel",
        "/api/v1/apps",
        "/api/v1/accounts",
      ]),
    );
  });
});
