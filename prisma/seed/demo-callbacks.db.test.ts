// The demo's callback wiring (scripts/demo-ready.ts): every demo app gets a Token and
// EncodingAESKey sealed in its row, the simulator calls back {origin}/api/wecom/callback/{id}
// (and the suite's /api/wecom/suite/{id}) with exactly those keys, and a second run keeps them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppBound, openAppSecret } from "@/lib/crypto/app-secret.ts";
import { env } from "@/lib/env.js";
import { openCallback } from "@/lib/wecom/callback-crypto.ts";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { startSimulator, type RunningSimulator } from "@/lib/wecom/simulator/server.ts";
import { field, TestReceiver } from "@/lib/wecom/simulator/test-receiver.ts";
import { SIM_CORP_ID, simApp } from "@/lib/wecom/simulator/seed-data.ts";
import { wireDemoCallbacks } from "./demo-callbacks.ts";
import { seedDemo } from "./demo.ts";

let t: TestDatabase;
let sim: RunningSimulator;
let receiver: TestReceiver;
let tenantId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  sim = await startSimulator({ port: 0, callbackTickMs: 60_000 });
  receiver = await new TestReceiver().start();
  ({ tenantId } = await seedDemo(t.db, {
    simulatorBaseUrl: sim.baseUrl,
    email: "owner@example.com",
    password: "a-long-password",
    passwordCost: 4,
  }));
});
afterAll(async () => {
  await sim?.close();
  await receiver?.close();
  await t?.drop();
});

const rows = () =>
  t.db.app.findMany({
    where: { tenantId },
    omit: { callbackTokenEnc: false, callbackAesKeyEnc: false },
    orderBy: { agentId: "asc" },
  });

describe(`demo callbacks (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("seals a Token and key per app and registers them with the simulator, at MeetBridge's URLs", async () => {
    const wired = await wireDemoCallbacks(t.db, `${sim.url}/`, `${receiver.url}/`);
    expect(wired).toHaveLength(4);
    const apps = await rows();
    const view = (await (await fetch(`${sim.url}/__sim/callbacks`)).json()) as {
      apps: { app: string; agentid: number; url: string; token: string }[];
      suites: { suite_id: string; url: string }[];
    };
    expect(view.apps.map((a) => [a.agentid, a.url]).sort()).toEqual(
      apps.map((a) => [a.agentId, `${receiver.url}/api/wecom/callback/${a.id}`]).sort(),
    );
    const thirdParty = apps.find((a) => a.kind === "third_party")!;
    expect(view.suites).toEqual([
      expect.objectContaining({
        suite_id: simApp("third-party").suiteId,
        url: `${receiver.url}/api/wecom/suite/${thirdParty.id}`,
      }),
    ]);
    for (const a of apps) {
      expect(isAppBound(a.callbackTokenEnc!)).toBe(true);
      expect(isAppBound(a.callbackAesKeyEnc!)).toBe(true);
    }

    // What the simulator sends opens with the keys sealed in the row.
    const assistant = apps.find((a) => a.agentId === simApp("meeting-assistant").agentId)!;
    const res = await fetch(`${sim.url}/__sim/callbacks/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        app: "meeting-assistant",
        change_type: "cancel_meeting",
        meetingid: "hy-demo",
        wait: true,
      }),
    });
    expect(res.ok).toBe(true);
    const got = receiver.received.find((r) => r.path === `/api/wecom/callback/${assistant.id}`)!;
    const opened = openCallback({
      keys: {
        token: openAppSecret(assistant, "callbackTokenEnc", assistant.callbackTokenEnc!),
        encodingAesKey: openAppSecret(assistant, "callbackAesKeyEnc", assistant.callbackAesKeyEnc!),
      },
      query: got.query,
      ciphertext: got.ciphertext,
      receiverId: SIM_CORP_ID,
    });
    expect(opened.ok).toBe(true);
    expect(opened.ok && field(opened.message, "MeetingId")).toBe("hy-demo");
  });

  it("keeps the keys on a second run", async () => {
    const before = await rows();
    await wireDemoCallbacks(t.db, `${sim.url}/`, receiver.url);
    const after = await rows();
    expect(after.map((a) => [a.callbackTokenEnc, a.callbackAesKeyEnc])).toEqual(
      before.map((a) => [a.callbackTokenEnc, a.callbackAesKeyEnc]),
    );
  });
});
