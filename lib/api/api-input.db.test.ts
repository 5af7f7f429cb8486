// The HTTP API against bad input, as an attacker or a careless flow author sends it
// (issue 15, items 6 and 7): not JSON, unknown fields, wrong types, huge bodies, fuzzed
// bodies; the rate limit before the audit row; Idempotency-Keys scoped to the API key.
// In-process (app.request) on a real database against the simulator.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import type { Role } from "@/lib/auth/permissions";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";
import { PROBLEM_BASE } from "./problem";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in assertions
type Json = Record<string, any>;
type App = ReturnType<typeof import("./app.ts").createApiApp>;

let h: MeetingHarness;
let app: App;
let admin: string;

async function keyFor(role: Role) {
  const { newApiKey } = await import("@/lib/api-keys/token.ts");
  const k = newApiKey();
  const row = await h.db.apiToken.create({
    data: {
      tenantId: h.tenant.id,
      name: `${role} ${k.prefix}`,
      role,
      tokenHash: k.tokenHash,
      prefix: k.prefix,
    },
  });
  return { key: k.key, id: row.id };
}

beforeAll(async () => {
  h = await startMeetingHarness();
  const { createApiApp } = await import("./app.ts");
  app = createApiApp();
  admin = (await keyFor("admin")).key;
});
afterAll(async () => {
  await h?.close();
});

async function send(
  method: string,
  path: string,
  init: { body?: BodyInit; headers?: Record<string, string>; key?: string } = {},
) {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${init.key ?? admin}`, ...init.headers },
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const text = await res.text();
  let json: Json | null = null;
  try {
    json = text ? (JSON.parse(text) as Json) : null;
  } catch {
    json = null;
  }
  return { res, status: res.status, json };
}

const asJson = (body: unknown, headers: Record<string, string> = {}) => ({
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers },
});

function booking(name: string, over: Record<string, unknown> = {}) {
  const { idempotencyKey: _k, ...v } = h.booking(name);
  return { ...v, ...over };
}

function expectProblem(
  r: { status: number; res: Response; json: Json | null },
  status: number,
  type: string,
) {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.res.headers.get("content-type")).toContain("application/problem+json");
  expect(r.json).toMatchObject({ type: PROBLEM_BASE + type, status });
}

const detailAt = (r: { json: Json | null }, pointer: string) =>
  (r.json?.errors as { pointer: string; detail: string }[] | undefined)?.find(
    (e) => e.pointer === pointer,
  )?.detail;

async function wecomMeetingCalls() {
  return (await h.simRequests()).filter((r) => r.operation.startsWith("meeting/"));
}

describe(`the HTTP API against bad input (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("answers a body that is not JSON with 415, malformed JSON with 400: problem documents", async () => {
    const text = JSON.stringify(booking("文本"));
    const plain = await send("POST", "/meetings", {
      body: text,
      headers: { "content-type": "text/plain" },
    });
    expectProblem(plain, 415, "unsupported-media-type");
    expect(plain.json!.detail).toContain("Content-Type: application/json");
    const form = await send("POST", "/meetings", {
      body: "title=x&start=2026-12-01T10:00",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectProblem(form, 415, "unsupported-media-type");
    // A body with no Content-Type at all (bytes, so that Request adds none).
    const bare = await send("POST", "/meetings", { body: new TextEncoder().encode(text) });
    expectProblem(bare, 415, "unsupported-media-type");
    const malformed = await send("POST", "/meetings", {
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expectProblem(malformed, 400, "malformed-request");
    // A cancel needs no body, so none needs no type, even as an empty stream.
    const booked = await send("POST", "/meetings", asJson(booking("无正文取消")));
    expect(booked.status).toBe(201);
    const empty = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    const cancel = await send("POST", `/meetings/${booked.json!.id}/cancel`, { body: empty });
    expect(cancel.status, JSON.stringify(cancel.json)).toBe(200);
    expect(cancel.json).toMatchObject({ status: "cancelled" });
  });

  it("refuses unknown fields with 422 and a pointer to each; a PATCH naming the app or admin gets the form's words", async () => {
    await h.sim.clearRequests();
    const v = booking("未知字段", { durationMinutes: 90, extra: { a: 1 } });
    const r = await send("POST", "/meetings", asJson(v));
    expectProblem(r, 422, "validation");
    expect(detailAt(r, "/durationMinutes")).toBe("没有这个字段，请删除它");
    expect(detailAt(r, "/extra")).toBe("没有这个字段，请删除它");
    expect(await h.createsOf(v.title)).toEqual([]);

    const booked = await send("POST", "/meetings", asJson(booking("改不了")));
    expect(booked.status, JSON.stringify(booked.json)).toBe(201);
    const patch = await send(
      "PATCH",
      `/meetings/${booked.json!.id}`,
      asJson({ appId: "another-app", adminId: h.account("sunli") }),
    );
    expectProblem(patch, 422, "validation");
    expect(detailAt(patch, "/appId")).toBe("会议的企业微信应用不能修改");
    expect(detailAt(patch, "/adminId")).toBe(
      "会议管理员不能修改（企业微信的修改接口不支持更换管理员）",
    );
    const en = await send("PATCH", `/meetings/${booked.json!.id}`, {
      ...asJson({ adminJobNumber: "E1" }),
      headers: { "content-type": "application/json", "accept-language": "en" },
    });
    expect(detailAt(en, "/adminJobNumber")).toMatch(/admin/i);
  });

  it("gives a wrong type the form's message for that field; a missing value stays required", async () => {
    const { bookingSchema } = await import("@/lib/schemas/booking.ts");
    const { decodeMsg } = await import("@/lib/schemas/messages.ts");
    const wrong = { durationMin: "90", inviteeIds: { a: 1 }, isRepeat: "yes", start: 20261201 };
    const r = await send("POST", "/meetings", asJson(booking("类型", wrong)));
    expectProblem(r, 422, "validation");
    expect(detailAt(r, "/durationMin")).toBe("时长须为整数分钟");
    expect(detailAt(r, "/inviteeIds")).toBe("值无效");
    expect(detailAt(r, "/isRepeat")).toBe("值无效");
    expect(detailAt(r, "/start")).toBe("请输入有效的开始时间");
    const half = await send("POST", "/meetings", asJson(booking("半分钟", { durationMin: 30.5 })));
    expect(detailAt(half, "/durationMin")).toBe("时长须为整数分钟");
    const { title: _t, ...untitled } = booking("无标题");
    const missing = await send("POST", "/meetings", asJson(untitled));
    expect(detailAt(missing, "/title")).toBe("此项为必填项");
    // The form parses with the same schema and says the same.
    const form = bookingSchema({ timeZone: h.tenant.timeZone }).safeParse({
      ...h.booking("表单"),
      ...wrong,
    });
    const keys = Object.fromEntries(
      form.error!.issues.map((i) => [String(i.path[0]), decodeMsg(i.message).key]),
    );
    expect(keys).toMatchObject({
      durationMin: "durationWhole",
      inviteeIds: "invalid",
      isRepeat: "invalid",
      start: "startInvalid",
    });
  });

  it("refuses a body over 64 kB with 413 before parsing it, declared or chunked", async () => {
    const big = JSON.stringify(booking("大", { description: "x".repeat(2 * 1024 * 1024) }));
    const declared = await send("POST", "/meetings", {
      body: big,
      headers: { "content-type": "application/json", "content-length": String(big.length) },
    });
    expectProblem(declared, 413, "payload-too-large");
    expect(declared.json!.detail).toContain("64");
    const bytes = new TextEncoder().encode(big);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16 * 1024)
          controller.enqueue(bytes.slice(i, i + 16 * 1024));
        controller.close();
      },
    });
    const streamed = await send("POST", "/meetings", {
      body: chunked,
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    expectProblem(streamed, 413, "payload-too-large");
  });

  it("fuzzed POST and PATCH bodies: never a 500, always a problem document, no WeCom call when refused", async () => {
    const booked = await send("POST", "/meetings", asJson(booking("模糊")));
    expect(booked.status).toBe(201);
    const valid = booking("模糊基础");
    const fieldNames = [
      ...Object.keys(valid),
      "durationMinutes",
      "appId",
      "adminJobNumber",
      "__proto__",
      "constructor",
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    );
    const mutated = fc
      .dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 4 })
      .map((over) => ({ ...valid, ...over }));
    const body = fc.oneof(mutated, fc.jsonValue());
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom("POST", "PATCH"), async (b, method) => {
        await h.sim.clearRequests();
        const path = method === "POST" ? "/meetings" : `/meetings/${booked.json!.id}`;
        const r = await send(method, path, asJson(b));
        expect(r.status, JSON.stringify(r.json)).toBeLessThan(500);
        if (r.status >= 400) {
          expect(r.res.headers.get("content-type")).toContain("application/problem+json");
          expect(r.json).toMatchObject({ type: expect.stringContaining(PROBLEM_BASE) });
          if (r.status === 422 && r.json!.type === `${PROBLEM_BASE}validation`)
            expect(await wecomMeetingCalls()).toEqual([]);
        }
      }),
      { numRuns: 80 },
    );
  }, 180_000);
});

describe("limits and keys", () => {
  it("a request over the per-key limit writes no audit row", async () => {
    const { createApiApp } = await import("./app.ts");
    const limited = createApiApp({ rateLimitPerMinute: 2 });
    const viewer = await keyFor("viewer");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await limited.request("/api/v1/apps", {
            headers: { authorization: `Bearer ${viewer.key}` },
          })
        ).status,
      );
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
    const rows = await h.db.auditEvent.count({
      where: { action: "api.call", objectId: viewer.id },
    });
    expect(rows).toBe(2);
  });

  it("an Idempotency-Key belongs to its API key: another key neither blocks nor receives", async () => {
    const a = await keyFor("admin");
    const b = await keyFor("admin");
    const idem = `shared-${Date.now()}`;
    const body = booking("同键");
    const first = await send("POST", "/meetings", {
      ...asJson(body, { "idempotency-key": idem }),
      key: a.key,
    });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    // The same key value and body from another API key: a booking of its own.
    const same = await send("POST", "/meetings", {
      ...asJson(body, { "idempotency-key": idem }),
      key: b.key,
    });
    expect(same.status, JSON.stringify(same.json)).toBe(201);
    expect(same.res.headers.get("idempotent-replayed")).toBeNull();
    expect(same.json!.id).not.toBe(first.json!.id);
    // Another body under that value from the other key: not refused as reused either.
    const other = await send("POST", "/meetings", {
      ...asJson(booking("同键另一份"), { "idempotency-key": idem }),
      key: b.key,
    });
    expect(other.status).toBe(422);
    expect(other.json!.type).toBe(`${PROBLEM_BASE}idempotency-key-reused`);
    const c = await keyFor("admin");
    const third = await send("POST", "/meetings", {
      ...asJson(booking("同键第三把"), { "idempotency-key": idem }),
      key: c.key,
    });
    expect(third.status, JSON.stringify(third.json)).toBe(201);
  });

  it("a signed-in booker who picks the same submission key gets no API booking, nor blocks one", async () => {
    const a = await keyFor("admin");
    const idem = `booker-race-${Date.now()}`;
    // What the booking key was derived as before it was scoped (sha256 of the header alone).
    const guessed = `api-${createHash("sha256").update(idem).digest("base64url").slice(0, 40)}`;
    const mine = await h.meetings.bookMeeting(h.actor(), {
      ...h.booking("抢键"),
      idempotencyKey: guessed,
    });
    expect(mine.ok).toBe(true);
    const api = await send("POST", "/meetings", {
      ...asJson(booking("抢键之后"), { "idempotency-key": idem }),
      key: a.key,
    });
    expect(api.status, JSON.stringify(api.json)).toBe(201);
    expect(api.json!.id).not.toBe(mine.ok && mine.meetingId);

    // The stored key of an API booking, submitted by a booker with the same body: no replay.
    const row = await h.db.meeting.findUniqueOrThrow({ where: { id: api.json!.id } });
    const v = {
      ...h.booking("x"),
      ...booking("抢键之后"),
      title: api.json!.title,
      start: api.json!.start,
    };
    const taken = await h.meetings.bookMeeting(h.actor(), {
      ...v,
      idempotencyKey: row.idempotencyKey,
    });
    expect(taken.ok).toBe(false);
    expect(
      taken.ok ? taken.meetingId : (taken as { meetingId?: string }).meetingId,
    ).toBeUndefined();
  });
});
