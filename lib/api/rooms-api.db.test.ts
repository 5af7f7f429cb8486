// Rooms through the HTTP API (in-process, real database, the simulator): roomId on
// POST /meetings and PATCH /meetings/{id}, the room in the answer, GET /rooms with
// availability; bad input refused at the field and never sent to WeCom.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in assertions
type Json = Record<string, any>;
let h: MeetingHarness;
let app: ReturnType<typeof import("./app.ts").createApiApp>;
let key: string;

beforeAll(async () => {
  h = await startMeetingHarness();
  const { newApiKey } = await import("@/lib/api-keys/token.ts");
  app = (await import("./app.ts")).createApiApp();
  const k = newApiKey();
  await h.db.apiToken.create({
    data: {
      tenantId: h.tenant.id,
      name: "rooms",
      role: "admin",
      tokenHash: k.tokenHash,
      prefix: k.prefix,
    },
  });
  key = k.key;
});
afterAll(async () => {
  await h?.close();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Json) : null };
}

const booking = (name: string, minutesAhead: number) => {
  const { idempotencyKey: _k, ...v } = h.booking(name, {}, minutesAhead);
  return v;
};

describe("rooms in the HTTP API", () => {
  it("books a meeting with a room, moves it to another room, and lists it as taken", async () => {
    const body = booking("API 会议室", 8 * 24 * 60);
    const r = await call("POST", "/meetings", { ...body, roomId: 2 });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json!.room).toMatchObject({
      roomId: 2,
      name: "黄河",
      booked: true,
      conflictDays: [],
      error: null,
    });

    const rooms = await call("GET", `/rooms?appId=${h.appId}&start=${body.start}&durationMin=60`);
    expect(rooms.status).toBe(200);
    const huanghe = (rooms.json!.items as Json[]).find((x) => x.roomId === 2)!;
    expect(huanghe).toMatchObject({ free: false, holders: [{ meetingId: r.json!.id }] });

    const moved = await call("PATCH", `/meetings/${r.json!.id}`, { roomId: 8 });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    expect(moved.json!.room).toMatchObject({ roomId: 8, name: "启明", booked: true });
    const again = await call("GET", `/rooms?appId=${h.appId}&start=${body.start}&durationMin=60`);
    const byId = new Map((again.json!.items as Json[]).map((x) => [x.roomId, x]));
    expect(byId.get(2)!.free).toBe(true);
    expect(byId.get(8)!.free).toBe(false);
  });

  it("a room needing approval: the meeting is booked and the answer says why the room is not", async () => {
    const r = await call("POST", "/meetings", {
      ...booking("API 审批会议室", 9 * 24 * 60),
      roomId: 6,
    });
    expect(r.status).toBe(201);
    expect(r.json!.room.booked).toBe(false);
    expect(r.json!.room.error).toMatch(/^会议已预约，会议室未预约：/);
  });

  it("refuses a roomId that is not a room id, before anything reaches WeCom", async () => {
    const before = (await h.simRequests("meeting/create")).length;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.double({ noInteger: true }),
          fc.boolean(),
          fc.constant(-1),
          fc.object(),
        ),
        async (roomId) => {
          const r = await call("POST", "/meetings", {
            ...booking("坏会议室", 10 * 24 * 60),
            roomId,
          });
          expect([400, 422]).toContain(r.status);
        },
      ),
      { numRuns: 15 },
    );
    expect((await h.simRequests("meeting/create")).length).toBe(before);
    const bad = await call("GET", `/rooms?appId=${h.appId}&start=tomorrow`);
    expect([400, 422]).toContain(bad.status);
    // No key, no rooms (found missing by this test: /rooms was outside the key check).
    const anonymous = await app.request(`/api/v1/rooms?appId=${h.appId}&start=2030-01-01T10:00`);
    expect(anonymous.status).toBe(401);
  });
});
