// The callback controls and suite tickets: setting and clearing callbacks, a NEW suite
// ticket pushed at once and every interval (get_suite_token takes one pushed within 30
// minutes, and the seeded one while the suite has no callback), sending any event, a
// tampered one, a byte-for-byte replay, and callback settings kept across a restart.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CallbackAttempt } from "./callback-sender";
import { SIM_CORP_ID, simApp } from "./seed-data";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient } from "./test-client";
import { field, TestReceiver } from "./test-receiver";

const suite = simApp("third-party");
const SUITE_ID = suite.suiteId!;
let sim: RunningSimulator;
let client: SimTestClient;
let receiver: TestReceiver;

const keysBody = () => ({
  token: receiver.keys.token,
  encoding_aes_key: receiver.keys.encodingAesKey,
});
const setSuite = () =>
  client.control("callbacks", {
    body: { suite_id: SUITE_ID, url: `${receiver.url}/api/wecom/suite/app-3`, ...keysBody() },
  });
const setApp = (key = "meeting-assistant") =>
  client.control("callbacks", {
    body: { app: key, url: `${receiver.url}/api/wecom/callback/${key}`, ...keysBody() },
  });
const suiteToken = (ticket: string | undefined) =>
  client.post("service/get_suite_token", {
    suite_id: SUITE_ID,
    suite_secret: suite.suiteSecret,
    suite_ticket: ticket,
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  sim = await startSimulator({ port: 0, callbackPolicy: { retryDelayMs: 10 }, callbackTickMs: 30 });
  client = new SimTestClient(sim);
  receiver = await new TestReceiver().start();
});
beforeEach(async () => {
  await client.control("reset", { body: {} });
  receiver.received = [];
  receiver.answers = [];
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

describe("suite tickets", () => {
  const tickets = () =>
    receiver.received.map((r) => {
      const m = receiver.message(r, SUITE_ID);
      expect(field(m, "InfoType")).toBe("suite_ticket");
      expect(field(m, "SuiteId")).toBe(SUITE_ID);
      return field(m, "SuiteTicket")!;
    });

  it("pushes a new ticket at once and every interval; get_suite_token takes one pushed within 30 minutes", async () => {
    // No callback yet: the seeded ticket works, as it always did.
    expect((await suiteToken(suite.suiteTicket)).errcode).toBe(0);
    await setSuite();
    const [first] = await receiver.waitFor(1);
    expect(first!.path).toBe("/api/wecom/suite/app-3");
    expect(first!.toUserName).toBe(SUITE_ID);
    expect(first!.agentId).toBeUndefined();
    expect(receiver.open(first!, SIM_CORP_ID)).toEqual({ ok: false, reason: "receiver" });
    const [t1] = tickets();
    expect(t1).not.toBe(suite.suiteTicket);
    expect((await suiteToken(t1)).errcode).toBe(0);
    expect((await suiteToken(suite.suiteTicket)).errcode).toBe(0);

    // Not before the interval (600 s of simulator clock)…
    await client.advance(590);
    await sleep(100);
    expect(receiver.received).toHaveLength(1);
    // …then a new one.
    await client.advance(20);
    await receiver.waitFor(2);
    const t2 = tickets()[1]!;
    expect(t2).not.toBe(t1);
    expect((await suiteToken(t1)).errcode).toBe(0);

    // 31 minutes after the first push: it and the seeded ticket are refused, the latest is not.
    await client.advance(1860 - 610);
    await receiver.waitFor(3);
    const t3 = tickets()[2]!;
    expect(await suiteToken(t1)).toMatchObject({ errcode: 40085 });
    expect((await suiteToken(suite.suiteTicket)).errcode).toBe(40085);
    expect((await suiteToken(t2)).errcode).toBe(0);
    expect((await suiteToken(t3)).errcode).toBe(0);
    expect((await suiteToken("made-up")).errcode).toBe(40085);

    // Without a callback, nothing replaces the seeded ticket: it works again.
    await client.control("callbacks", { body: { suite_id: SUITE_ID, url: null } });
    expect((await suiteToken(suite.suiteTicket)).errcode).toBe(0);
    await client.advance(1200);
    await sleep(100);
    expect(receiver.received).toHaveLength(3);
  });

  it("sends a ticket by hand, and lists every ticket in /__sim/tokens (for the e2e secret scan)", async () => {
    await setSuite();
    await receiver.waitFor(1);
    const sent = await client.control<{ outcomes: string[]; messages: string[] }>(
      "callbacks/send",
      { body: { suite_id: SUITE_ID, info_type: "suite_ticket", wait: true } },
    );
    expect(sent.outcomes).toEqual(["success"]);
    expect(sent.messages[0]).toMatch(/<SuiteTicket><!\[CDATA\[\*\*\*.{4}\]\]><\/SuiteTicket>/);
    const [t1, t2] = tickets();
    expect(t2).not.toBe(t1);
    const listed = await client.control<{ token: string; kind: string }[]>("tokens");
    expect(listed.filter((t) => t.kind === "suite_ticket").map((t) => t.token)).toEqual([t1, t2]);
    // Masked everywhere else.
    const log = JSON.stringify(await client.control("callbacks/log"));
    const settings = JSON.stringify(await client.control("callbacks"));
    const requests = JSON.stringify(await client.control("requests"));
    for (const text of [log, settings, requests]) {
      expect(text).not.toContain(t1);
      expect(text).not.toContain(receiver.keys.token);
      expect(text).not.toContain(receiver.keys.encodingAesKey);
    }
  });

  it("sends create_auth, change_auth and cancel_auth to the suite", async () => {
    await setSuite();
    await receiver.waitFor(1);
    await client.control("callbacks/send", {
      body: { suite_id: SUITE_ID, info_type: "create_auth", auth_code: "code-1", state: "s1" },
    });
    await client.control("callbacks/send", {
      body: { suite_id: SUITE_ID, info_type: "cancel_auth" },
    });
    const [, created, cancelled] = await receiver.waitFor(3);
    const c = receiver.message(created!, SUITE_ID);
    expect([field(c, "InfoType"), field(c, "AuthCode"), field(c, "State")]).toEqual([
      "create_auth",
      "code-1",
      "s1",
    ]);
    const x = receiver.message(cancelled!, SUITE_ID);
    expect([field(x, "InfoType"), field(x, "AuthCorpId")]).toEqual(["cancel_auth", SIM_CORP_ID]);
  });
});

describe("send, tamper and replay", () => {
  it("sends any meeting event, for a meeting WeCom does not even know, to the app named", async () => {
    await setApp("custom-dev");
    const sent = await client.control<{ deliveries: number[] }>("callbacks/send", {
      body: {
        app: "custom-dev",
        change_type: "meeting_start",
        meetingid: "hy-unknown",
        create_time: 1_700_000_000,
      },
    });
    expect(sent.deliveries).toHaveLength(1);
    const [got] = await receiver.waitFor(1);
    expect(got!.agentId).toBe(String(simApp("custom-dev").agentId));
    const m = receiver.message(got!, SIM_CORP_ID);
    expect([field(m, "ChangeType"), field(m, "MeetingId"), field(m, "FromUserName")]).toEqual([
      "meeting_start",
      "hy-unknown",
      "sys",
    ]);
    expect(field(m, "CreateTime")).toBe("1700000000");
  });

  it("sends a raw plaintext, and the same event many times at once", async () => {
    await setApp();
    const raw = "<xml><Event><![CDATA[anything]]></Event></xml>";
    await client.control("callbacks/send", {
      body: { app: "meeting-assistant", message: raw, count: 5 },
    });
    await receiver.waitFor(5);
    expect(new Set(receiver.received.map((r) => receiver.message(r, SIM_CORP_ID)))).toEqual(
      new Set([raw]),
    );
    expect(new Set(receiver.received.map((r) => r.query.nonce)).size).toBe(5);
  });

  it("keeps at most max_in_flight requests on the wire; the others wait their turn", async () => {
    await setApp();
    await client.control("callbacks/policy", { body: { max_in_flight: 2, timeout_ms: 1000 } });
    receiver.peakInFlight = 0;
    receiver.answers = Array.from({ length: 6 }, () => ({ delayMs: 100 }));
    const sent = await client.control<{ outcomes: string[] }>("callbacks/send", {
      body: { app: "meeting-assistant", message: "<xml/>", count: 6, wait: true },
    });
    expect(sent.outcomes).toEqual(Array(6).fill("success"));
    expect(receiver.peakInFlight).toBe(2);
  });

  it("tampered messages fail exactly the check they name, once each", async () => {
    await setApp();
    const expected = {
      signature: "signature",
      receiver: "receiver",
      stale: "stale",
      key: ["decrypt", "receiver"],
    } as const;
    for (const [tamper, reason] of Object.entries(expected)) {
      receiver.received = [];
      receiver.answers = [{ status: 403, body: "refused" }];
      const sent = await client.control<{ outcomes: string[]; attempts: CallbackAttempt[] }>(
        "callbacks/send",
        {
          body: {
            app: "meeting-assistant",
            change_type: "cancel_meeting",
            meetingid: "hy-x",
            tamper,
            wait: true,
          },
        },
      );
      expect(sent.outcomes).toEqual(["failed"]);
      expect(sent.attempts).toHaveLength(1);
      expect(sent.attempts[0]).toMatchObject({ tamper, status: 403, attempt: 1, of: 1 });
      expect(receiver.received).toHaveLength(1);
      const opened = receiver.open(receiver.received[0]!, SIM_CORP_ID);
      expect(opened.ok).toBe(false);
      if (!opened.ok) expect([reason].flat()).toContain(opened.reason);
    }
  });

  it("replays a logged request byte for byte: same query string, same body", async () => {
    await setApp();
    const sent = await client.control<{ attempts: CallbackAttempt[] }>("callbacks/send", {
      body: {
        app: "meeting-assistant",
        change_type: "modify_meeting",
        meetingid: "hy-r",
        wait: true,
      },
    });
    const original = sent.attempts[0]!;
    const again = await client.control<{ outcomes: string[]; attempts: CallbackAttempt[] }>(
      "callbacks/replay",
      { body: { id: original.id, wait: true } },
    );
    expect(again.outcomes).toEqual(["success"]);
    expect(again.attempts[0]).toMatchObject({ replay_of: original.id });
    const [a, b] = await receiver.waitFor(2);
    expect(b!.search).toBe(a!.search);
    expect(b!.body).toBe(a!.body);
    expect(receiver.message(b!, SIM_CORP_ID)).toBe(receiver.message(a!, SIM_CORP_ID));
    await expect(client.control("callbacks/replay", { body: { id: 99_999 } })).rejects.toThrow(
      /404/,
    );
  });

  it("refuses what cannot be sent: no callback set, no receiver, a bad key", async () => {
    const post = (body: unknown, path = "callbacks/send") =>
      fetch(`${sim.url}/__sim/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect(
      (await post({ app: "meeting-assistant", change_type: "cancel_meeting", meetingid: "x" }))
        .status,
    ).toBe(409);
    expect((await post({ change_type: "cancel_meeting", meetingid: "unknown" })).status).toBe(400);
    expect((await post({ app: "nope", change_type: "x", meetingid: "x" })).status).toBe(404);
    const bad = await post(
      { app: "meeting-assistant", url: "http://x.test/cb", token: "t", encoding_aes_key: "short" },
      "callbacks",
    );
    expect(bad.status).toBe(400);
    expect((await client.control<{ apps: unknown[] }>("callbacks")).apps).toEqual([]);
  });
});

describe("URL check", () => {
  it("checks a callback URL as WeCom's console does: a GET with an encrypted echostr, answered with its plaintext", async () => {
    await setApp();
    const checked = await client.control<{ outcomes: string[]; attempts: CallbackAttempt[] }>(
      "callbacks/verify",
      { body: { app: "meeting-assistant", wait: true } },
    );
    expect(checked.outcomes).toEqual(["success"]);
    const [got] = receiver.received;
    expect(got!.method).toBe("GET");
    expect(checked.attempts[0]).toMatchObject({
      event: "verify_url",
      request: { method: "GET", body: "" },
      status: 200,
    });
    expect(checked.attempts[0]!.response).toBe(checked.attempts[0]!.expected_answer);
  });

  it("saves nothing when asked to check first and the URL does not answer with the plaintext", async () => {
    const res = await fetch(`${sim.url}/__sim/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        app: "meeting-assistant",
        url: `${receiver.url}/cb`,
        token: "WrongToken",
        encoding_aes_key: receiver.keys.encodingAesKey,
        verify: true,
      }),
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { attempts: CallbackAttempt[] }).attempts[0]).toMatchObject({
      outcome: "failed",
      status: 403,
    });
    expect((await client.control<{ apps: unknown[] }>("callbacks")).apps).toEqual([]);
    await client.control("callbacks", {
      body: { app: "meeting-assistant", url: `${receiver.url}/cb`, ...keysBody(), verify: true },
    });
    expect((await client.control<{ apps: unknown[] }>("callbacks")).apps).toHaveLength(1);
  });
});

describe("settings", () => {
  it("lists, changes the policy, and clears on reset", async () => {
    await setApp();
    await client.control("callbacks/policy", { body: { attempts: 2, timeout_ms: 1000 } });
    const view = await client.control<{
      apps: Record<string, unknown>[];
      policy: Record<string, number>;
    }>("callbacks");
    expect(view.apps).toEqual([
      expect.objectContaining({
        app: "meeting-assistant",
        corpid: SIM_CORP_ID,
        agentid: 1000002,
        url: `${receiver.url}/api/wecom/callback/meeting-assistant`,
        token: `***${receiver.keys.token.slice(-4)}`,
      }),
    ]);
    expect(view.policy).toMatchObject({ attempts: 2, timeout_ms: 1000, retry_delay_ms: 10 });
    await client.control("reset", { body: {} });
    const after = await client.control<{ apps: unknown[]; policy: Record<string, number> }>(
      "callbacks",
    );
    expect(after.apps).toEqual([]);
    expect(after.policy).toMatchObject({ attempts: 3, timeout_ms: 5000 });
  });

  it("keeps callback settings and issued tickets across a restart on the same state file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wecom-sim-callbacks-"));
    const file = join(dir, "state.json");
    try {
      const first = await startSimulator({ port: 0, stateFile: file, callbackTickMs: 30 });
      const c1 = new SimTestClient(first);
      await c1.control("callbacks", {
        body: { app: "meeting-assistant", url: `${receiver.url}/app`, ...keysBody() },
      });
      await c1.control("callbacks", {
        body: { suite_id: SUITE_ID, url: `${receiver.url}/suite`, ...keysBody() },
      });
      await c1.control(`corps/${SIM_CORP_ID}/settings`, { body: { meetingAdvanced: false } });
      await receiver.waitFor(1);
      const ticket = field(receiver.message(receiver.received[0]!, SUITE_ID), "SuiteTicket")!;
      const before = await c1.control("callbacks");
      await first.close();

      const second = await startSimulator({ port: 0, stateFile: file, callbackTickMs: 30 });
      const c2 = new SimTestClient(second);
      try {
        const after = await c2.control<{ policy: unknown }>("callbacks");
        expect({ ...after, suite_tickets: undefined }).toEqual({
          ...(before as object),
          suite_tickets: undefined,
        });
        const seed = await c2.control<{ corps: { meetingAdvanced: boolean }[] }>("seed");
        expect(seed.corps[0]!.meetingAdvanced).toBe(false);
        // The ticket issued before the restart still works; the restart pushes a new one.
        const reply = await c2.post("service/get_suite_token", {
          suite_id: SUITE_ID,
          suite_secret: suite.suiteSecret,
          suite_ticket: ticket,
        });
        expect(reply.errcode).toBe(0);
        await receiver.waitFor(2);
        expect(receiver.received[1]!.path).toBe("/suite");
        // The restored keys still seal what the receiver opens.
        await c2.control("callbacks/send", {
          body: {
            app: "meeting-assistant",
            change_type: "modify_meeting",
            meetingid: "hy-p",
            wait: true,
          },
        });
        const last = receiver.received.at(-1)!;
        expect(last.path).toBe("/app");
        expect(field(receiver.message(last, SIM_CORP_ID), "MeetingId")).toBe("hy-p");
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
