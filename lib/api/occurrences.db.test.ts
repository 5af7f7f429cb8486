// POST /meetings/{id}/occurrences/{subMeetingId}/cancel and the occurrences in GET
// /meetings/{id}, in-process on a real database against the simulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in assertions
type Json = Record<string, any>;
type App = ReturnType<typeof import("./app.ts").createApiApp>;

let h: MeetingHarness;
let app: App;
let key: string;
let viewerKey: string;

beforeAll(async () => {
  h = await startMeetingHarness();
  const { newApiKey } = await import("@/lib/api-keys/token.ts");
  const { createApiApp } = await import("./app.ts");
  app = createApiApp();
  const make = async (role: "admin" | "viewer") => {
    const k = newApiKey();
    await h.db.apiToken.create({
      data: {
        tenantId: h.tenant.id,
        name: `occ-${role}`,
        role,
        tokenHash: k.tokenHash,
        prefix: k.prefix,
      },
    });
    return k.key;
  };
  key = await make("admin");
  viewerKey = await make("viewer");
});
afterAll(async () => {
  await h?.close();
});

async function call(method: string, path: string, body?: unknown, k = key) {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${k}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Json) : null };
}

async function weeklySeries(name: string) {
  const { idempotencyKey: _k, ...v } = h.booking(name, {}, 24 * 60);
  const until = new Date((h.startSec(v) + 4 * 7 * 86_400 + 8 * 3600) * 1000);
  const r = await call("POST", "/meetings", {
    ...v,
    isRepeat: true,
    repeatType: 1,
    repeatUntil: until.toISOString().slice(0, 10),
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json!;
}

describe(`occurrences over the API (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("lists the occurrences in GET /meetings/{id} and cancels the third, twice alike", async () => {
    const m = await weeklySeries("API 周会");
    const got = await call("GET", `/meetings/${m.id}`);
    const occurrences = got.json!.occurrences as Json[];
    expect(occurrences).toHaveLength(5);
    expect(occurrences.every((o) => o.status === "booked")).toBe(true);
    const sub = occurrences[2]!.subMeetingId as string;

    const first = await call("POST", `/meetings/${m.id}/occurrences/${sub}/cancel`, {
      reason: "假期",
    });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect((first.json!.occurrences as Json[]).map((o) => o.status)).toEqual([
      "booked",
      "booked",
      "cancelled",
      "booked",
      "booked",
    ]);
    expect(first.json!.status).toBe("booked");
    const second = await call("POST", `/meetings/${m.id}/occurrences/${sub}/cancel`);
    expect(second.status).toBe(200);
    expect(second.json!.occurrences).toEqual(first.json!.occurrences);
    const sent = (await h.simRequests("meeting/cancel")).filter(
      (r) => (r.body as { sub_meetingid?: string }).sub_meetingid === sub,
    );
    expect(sent).toHaveLength(1);
  });

  it("answers 404 for an occurrence never listed, 422 for a malformed id or body, 403 for a viewer", async () => {
    const m = await weeklySeries("API 未列出");
    expect((await call("POST", `/meetings/${m.id}/occurrences/424242/cancel`)).status).toBe(404);
    expect(
      (await call("POST", `/meetings/${m.id}/occurrences/${"x".repeat(65)}/cancel`)).status,
    ).toBe(422);
    expect((await call("POST", `/meetings/${m.id}/occurrences/a%20b/cancel`)).status).toBe(422);
    const sub = ((await call("GET", `/meetings/${m.id}`)).json!.occurrences as Json[])[0]!
      .subMeetingId as string;
    const viewer = await call("POST", `/meetings/${m.id}/occurrences/${sub}/cancel`, {}, viewerKey);
    expect(viewer.status).toBe(403);
    expect(
      (await call("POST", `/meetings/${m.id}/occurrences/${sub}/cancel`, { reason: 42 })).status,
    ).toBe(422);
  });
});
