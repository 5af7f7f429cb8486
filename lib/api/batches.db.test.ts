// POST /api/v1/batches and GET /api/v1/batches/{id} in-process on a real database against
// the simulator: checked before anything is sent, booked in the background, an
// externalRef booked once per tenant, and a batch visible only to who may see it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import type { Role } from "@/lib/auth/permissions";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in assertions
type Json = Record<string, any>;
let h: MeetingHarness;
let app: ReturnType<typeof import("./app.ts").createApiApp>;
const keys: Record<string, string> = {};

beforeAll(async () => {
  h = await startMeetingHarness();
  const { newApiKey } = await import("@/lib/api-keys/token.ts");
  const { createApiApp } = await import("./app.ts");
  app = createApiApp();
  for (const role of ["admin", "booker", "viewer"] as Role[]) {
    const k = newApiKey();
    await h.db.apiToken.create({
      data: {
        tenantId: h.tenant.id,
        name: `批量 ${role}`,
        role,
        tokenHash: k.tokenHash,
        prefix: k.prefix,
      },
    });
    keys[role] = k.key;
  }
});
afterAll(async () => {
  await h?.close();
});

async function call(method: string, path: string, body?: unknown, key = keys.admin) {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Json };
}

function row(name: string, i: number, over: Record<string, unknown> = {}) {
  const { idempotencyKey: _k, adminId: _a, ...v } = h.booking(`${name} ${i}`, {}, 120 + i * 60);
  return { ...v, adminJobNumber: "E1005", inviteeJobNumbers: ["E1006"], ...over };
}

async function untilDone(id: string): Promise<Json> {
  for (let i = 0; i < 100; i++) {
    const r = await call("GET", `/batches/${id}`);
    if (r.json.state === "done") return r.json;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error("batch not done");
}

describe(`POST /api/v1/batches (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("answers 202, books every row in the background, and books an externalRef once", async () => {
    const tag = `接口批量${Date.now()}`;
    const rows = [0, 1, 2].map((i) => row(tag, i, { externalRef: `${tag}-${i}` }));
    const first = await call("POST", "/batches", { rows });
    expect(first.status, JSON.stringify(first.json)).toBe(202);
    expect(first.json).toMatchObject({ total: 3 });
    const done = await untilDone(first.json.id);
    expect(done.rows.map((r: Json) => [r.status, r.alreadyBooked])).toEqual([
      ["booked", false],
      ["booked", false],
      ["booked", false],
    ]);
    expect(done.rows.every((r: Json) => r.meetingId && r.wecomMeetingId)).toBe(true);

    // The same references again, one with another title: reported, nothing sent.
    const before = (await h.simRequests("meeting/create")).length;
    const again = await call("POST", "/batches", {
      rows: [rows[0], { ...rows[1], title: `${tag} 改名` }],
    });
    expect(again.status, JSON.stringify(again.json)).toBe(202);
    const second = await untilDone(again.json.id);
    expect(second.rows.map((r: Json) => [r.status, r.alreadyBooked, r.meetingId])).toEqual([
      ["booked", true, done.rows[0].meetingId],
      ["booked", true, done.rows[1].meetingId],
    ]);
    expect((await h.simRequests("meeting/create")).length).toBe(before);
  });

  it("sends nothing while a row has an error, at /rows/{i}/field; onlyValid books the rest", async () => {
    const tag = `接口错误${Date.now()}`;
    const rows = [
      row(tag, 0),
      row(tag, 1, { inviteeJobNumbers: ["E1028"] }),
      row(tag, 2, { adminJobNumber: "E0000" }),
    ];
    const refused = await call("POST", "/batches", { rows });
    expect(refused.status).toBe(422);
    expect(refused.json.errors.map((e: Json) => e.pointer)).toEqual([
      "/rows/1/inviteeJobNumbers",
      "/rows/2/adminJobNumber",
    ]);
    expect(refused.json.errors[1].detail).toBe("工号 E0000 没有对应的账号");
    expect(await h.createsOf(`${tag} 0`)).toHaveLength(0);

    const some = await call("POST", "/batches", { rows, onlyValid: true });
    expect(some.status).toBe(202);
    const done = await untilDone(some.json.id);
    expect(done.rows.map((r: Json) => r.status)).toEqual(["booked", "skipped", "skipped"]);
    expect(done.rows[1].errors[0]).toMatchObject({ field: "inviteeJobNumbers" });
  });

  it("books a row's roomId with its meeting, as POST /meetings does; an unknown room at /rows/{i}/roomId", async () => {
    const tag = `接口会议室${Date.now()}`;
    const rows = [
      row(tag, 0, { roomId: 8 }),
      row(tag, 1, { roomId: 999 }),
      row(tag, 2, { roomId: 6 }),
    ];
    const refused = await call("POST", "/batches", { rows });
    expect(refused.status).toBe(422);
    expect(refused.json.errors.map((e: Json) => [e.pointer, e.detail])).toEqual([
      ["/rows/1/roomId", "应用“会议助手”所在企业没有名为“999”的会议室"],
      ["/rows/2/roomId", "会议室“董事会议室”需要审批，不能在这里预约"],
    ]);

    const some = await call("POST", "/batches", { rows, onlyValid: true });
    expect(some.status, JSON.stringify(some.json)).toBe(202);
    const done = await untilDone(some.json.id);
    expect(done.rows.map((r: Json) => r.status)).toEqual(["booked", "skipped", "skipped"]);
    const m = await h.db.meeting.findUniqueOrThrow({ where: { id: done.rows[0].meetingId } });
    expect(m.roomId).toBe(8);
    expect(m.roomBookingId).toBeTruthy();
    expect(await h.simRequests("oa/meetingroom/book_by_meeting")).toContainEqual(
      expect.objectContaining({
        body: expect.objectContaining({ meetingid: m.wecomMeetingId, meetingroom_id: 8 }),
      }),
    );
  });

  it("refuses bad shapes at their field, viewers, and other keys' batches for a booker", async () => {
    const bad = await call("POST", "/batches", { rows: [{ title: 5 }], extra: true });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: Json) => e.pointer)).toContain("/rows/0/title");
    const empty = await call("POST", "/batches", { rows: [] });
    expect(empty.json.errors).toEqual([
      { pointer: "/rows", detail: "没有要预约的会议（表头下面是空的）" },
    ]);
    expect((await call("POST", "/batches", { rows: [row("看", 0)] }, keys.viewer)).status).toBe(
      403,
    );

    const mine = await call("POST", "/batches", { rows: [row(`管理员${Date.now()}`, 0)] });
    expect(mine.status).toBe(202);
    await untilDone(mine.json.id);
    expect((await call("GET", `/batches/${mine.json.id}`, undefined, keys.booker)).status).toBe(
      404,
    );
    expect((await call("GET", "/batches/nope")).status).toBe(404);

    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as Json;
    expect(doc.paths["/api/v1/batches"].post.responses["202"]).toBeTruthy();
    expect(doc.paths["/api/v1/batches/{id}"].get).toBeTruthy();
    expect(JSON.stringify(doc.components.schemas.BatchRow)).toContain("externalRef");
  });
});
