// The simulator calls back like WeCom for meetings: a member's change or cancel on the
// member page (or POST /__sim/meetings/:id) reaches the creating app's callback URL as a
// signed, encrypted meeting_change event; the clock's starts and ends only for corps with
// the paid meeting features; the app's own API changes call nobody back; failures are
// retried with the same plaintext and fresh signatures, and never hold up an answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CallbackAttempt } from "./callback-sender";
import { SIM_CORP_ID, simApp } from "./seed-data";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient } from "./test-client";
import { field, TestReceiver } from "./test-receiver";

const TIMEOUT_MS = 400;
let sim: RunningSimulator;
let client: SimTestClient;
let receiver: TestReceiver;
let token: string;
let now: number;
const app = simApp("meeting-assistant");

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    callbackPolicy: { timeoutMs: TIMEOUT_MS, retryDelayMs: 20 },
    callbackTickMs: 50,
  });
  client = new SimTestClient(sim);
  receiver = await new TestReceiver().start();
});
beforeEach(async () => {
  await client.control("reset", { body: {} });
  receiver.received = [];
  receiver.answers = [];
  token = await client.token();
  now = await client.now();
  await client.control("callbacks", {
    body: {
      corpid: SIM_CORP_ID,
      agentid: app.agentId,
      url: `${receiver.url}/api/wecom/callback/app-1`,
      token: receiver.keys.token,
      encoding_aes_key: receiver.keys.encodingAesKey,
    },
  });
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

async function book(extra: Record<string, unknown> = {}, t = token): Promise<string> {
  const reply = await client.call(
    "meeting/create",
    {
      admin_userid: "zhangwei",
      title: "客户拜访复盘",
      meeting_start: now + 3600,
      meeting_duration: 1800,
      invitees: { userid: ["lihua"] },
      ...extra,
    },
    t,
  );
  expect(reply.errcode).toBe(0);
  return String(reply.meetingid);
}

const form = (userid: string, meetingid: string, fields: Record<string, string>) =>
  fetch(`${sim.url}/__sim/members/${userid}/meetings/${meetingid}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const events = () => receiver.received.map((r) => receiver.message(r, SIM_CORP_ID));
const log = (query = "") => client.control<CallbackAttempt[]>(`callbacks/log${query}`);

/** Shanghai wall clock of a Unix time, as the datetime-local field takes it. */
const wall = (unix: number) => new Date((unix + 8 * 3600) * 1000).toISOString().slice(0, 16);

describe("a member changes a meeting on the member page", () => {
  it("cancel: the app that created it gets a signed, decryptable cancel_meeting for its corp and agent", async () => {
    const id = await book();
    const page = await (await fetch(`${sim.url}/__sim/members/zhangwei`)).text();
    expect(page).toContain("取消会议");
    expect(page).toContain(`/__sim/members/zhangwei/meetings/${id}`);

    const res = await form("zhangwei", id, { action: "cancel" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/__sim/members/zhangwei?done=cancelled&notified=1");

    const [got] = await receiver.waitFor(1);
    expect(got!.path).toBe("/api/wecom/callback/app-1");
    expect(got!.toUserName).toBe(SIM_CORP_ID);
    expect(got!.agentId).toBe(String(app.agentId));
    const opened = receiver.open(got!, SIM_CORP_ID);
    expect(opened.ok).toBe(true);
    const message = opened.ok ? opened.message : "";
    expect(field(message, "ToUserName")).toBe(SIM_CORP_ID);
    expect(field(message, "FromUserName")).toBe("zhangwei");
    expect(field(message, "MsgType")).toBe("event");
    expect(field(message, "Event")).toBe("meeting_change");
    expect(field(message, "ChangeType")).toBe("cancel_meeting");
    expect(field(message, "MeetingId")).toBe(id);
    expect(Math.abs(Number(field(message, "CreateTime")) - now)).toBeLessThan(5);
    // Another receiver id does not open it.
    expect(receiver.open(got!, "wwsomeoneelse")).toEqual({ ok: false, reason: "receiver" });

    const info = await client.call("meeting/get_info", { meetingid: id }, token);
    expect(info.status).toBe(4);
    const after = await (
      await fetch(`${sim.url}/__sim/members/zhangwei?done=cancelled&notified=1`)
    ).text();
    expect(after).toContain("会议已取消。已向预约应用发送事件回调。");
    expect(after).not.toContain("取消会议</button>");
  });

  it("modify: new title, start and duration reach WeCom's record and the app gets modify_meeting", async () => {
    const id = await book();
    const start = now + 2 * 86_400 - (now % 60);
    const res = await form("zhangwei", id, {
      action: "modify",
      title: "客户拜访复盘（改期）",
      start: wall(start),
      duration_min: "45",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("done=modified");

    const [got] = await receiver.waitFor(1);
    const message = receiver.message(got!, SIM_CORP_ID);
    expect(field(message, "ChangeType")).toBe("modify_meeting");
    expect(field(message, "MeetingId")).toBe(id);
    const info = await client.call("meeting/get_info", { meetingid: id }, token);
    expect(info).toMatchObject({
      title: "客户拜访复盘（改期）",
      meeting_start: start,
      meeting_duration: 2700,
      status: 1,
    });
  });

  it("shows the controls only to the meeting's administrator, and refuses anyone else or a past start", async () => {
    const id = await book();
    const invitee = await (await fetch(`${sim.url}/__sim/members/lihua`)).text();
    expect(invitee).toContain("客户拜访复盘");
    expect(invitee).not.toContain("取消会议");
    const refused = await form("lihua", id, { action: "cancel" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("只有会议管理员");

    const past = await form("zhangwei", id, {
      action: "modify",
      title: "改到过去",
      start: wall(now - 3600),
      duration_min: "30",
    });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("开始时间必须晚于当前时间");
    const tooLong = await form("zhangwei", id, {
      action: "modify",
      title: "一".repeat(41),
      start: wall(now + 7200),
      duration_min: "30",
    });
    expect(tooLong.status).toBe(400);

    await sleep(100);
    expect(receiver.received).toEqual([]);
    const info = await client.call("meeting/get_info", { meetingid: id }, token);
    expect(info).toMatchObject({ title: "客户拜访复盘", status: 1 });
  });

  it("says when the app has no callback, and sends nothing", async () => {
    const id = await book({}, await client.token("custom-dev"));
    const res = await form("zhangwei", id, { action: "cancel" });
    expect(res.headers.get("location")).toContain("notified=0");
    const page = await (await fetch(`${sim.url}${res.headers.get("location")}`)).text();
    expect(page).toContain("预约应用没有设置回调");
    await sleep(100);
    expect(receiver.received).toEqual([]);
  });
});

describe("who is called back", () => {
  it("POST /__sim/meetings/:id (a change in the WeCom client) calls back like the member page", async () => {
    const id = await book();
    await client.control(`meetings/${id}`, { body: { title: "客户端改名", userid: "lihua" } });
    await client.control(`meetings/${id}`, { body: { title: "客户端改名" } }); // no change: no event
    await client.control(`meetings/${id}`, { body: { cancel: true } });
    await receiver.waitFor(2);
    await sleep(100);
    const got = events();
    expect(got.map((m) => field(m, "ChangeType"))).toEqual(["modify_meeting", "cancel_meeting"]);
    expect(got.map((m) => field(m, "FromUserName"))).toEqual(["lihua", "zhangwei"]);
  });

  it("the app's own meeting/update and meeting/cancel call nobody back", async () => {
    const id = await book();
    expect(
      (await client.call("meeting/update", { meetingid: id, title: "应用改名" }, token)).errcode,
    ).toBe(0);
    expect((await client.call("meeting/cancel", { meetingid: id }, token)).errcode).toBe(0);
    await sleep(150);
    expect(receiver.received).toEqual([]);
  });

  it("a revoked app is not called back", async () => {
    const id = await book();
    await client.control("apps/meeting-assistant/revoke", { body: {} });
    await client.control(`meetings/${id}`, { body: { cancel: true } });
    await sleep(150);
    expect(receiver.received).toEqual([]);
  });
});

describe("the clock starts and ends meetings", () => {
  it("sends meeting_start and meeting_end from sys, dated when they happened, to a corp with the paid features", async () => {
    const id = await book({ meeting_start: now + 600, meeting_duration: 1800 });
    await client.advance(700);
    const [started] = await receiver.waitFor(1);
    const s = receiver.message(started!, SIM_CORP_ID);
    expect(field(s, "ChangeType")).toBe("meeting_start");
    expect(field(s, "FromUserName")).toBe("sys");
    expect(field(s, "CreateTime")).toBe(String(now + 600));
    expect(field(s, "MeetingId")).toBe(id);

    await client.advance(1800);
    await receiver.waitFor(2);
    expect(field(events()[1]!, "ChangeType")).toBe("meeting_end");
    expect(field(events()[1]!, "CreateTime")).toBe(String(now + 2400));
  });

  it("a jump over a whole meeting sends its start, then its end; a jump back sends nothing", async () => {
    await book({ meeting_start: now + 600, meeting_duration: 600 });
    await client.advance(3600);
    await receiver.waitFor(2);
    expect(events().map((m) => field(m, "ChangeType"))).toEqual(["meeting_start", "meeting_end"]);
    await client.control("clock", { body: { offsetSec: 0 } });
    await sleep(150);
    expect(receiver.received).toHaveLength(2);
  });

  it("a jump over many occurrences of a series sends only the last start and the last end", async () => {
    const id = await book({
      meeting_start: now + 600,
      meeting_duration: 1800,
      reminders: { is_repeat: 1, repeat_type: 0, repeat_until: now + 600 + 9 * 86_400 },
    });
    // Into the fourth occurrence: three ended, the fourth is on.
    await client.advance(3 * 86_400 + 900);
    await receiver.waitFor(2);
    await sleep(150);
    const got = events();
    expect(got.map((m) => [field(m, "ChangeType"), field(m, "CreateTime")])).toEqual([
      ["meeting_end", String(now + 600 + 2 * 86_400 + 1800)],
      ["meeting_start", String(now + 600 + 3 * 86_400)],
    ]);
    expect(got.every((m) => field(m, "MeetingId") === id)).toBe(true);
  });

  it("follows a series moved in the WeCom client: its new start, not the old schedule", async () => {
    const id = await book({
      meeting_start: now + 600,
      meeting_duration: 1800,
      reminders: { is_repeat: 1, repeat_type: 0, repeat_until: now + 600 + 9 * 86_400 },
    });
    await client.advance(700);
    await receiver.waitFor(1);
    expect(field(events()[0]!, "ChangeType")).toBe("meeting_start");
    // Moved to start two days on (the first occurrence, under way, is gone with the move).
    const moved = now + 2 * 86_400 + 300;
    await client.control(`meetings/${id}`, { body: { meeting_start: moved } });
    await receiver.waitFor(2);
    expect(field(events()[1]!, "ChangeType")).toBe("modify_meeting");
    await client.advance(2 * 86_400 - 300);
    await receiver.waitFor(3);
    await sleep(150);
    expect(
      events()
        .slice(2)
        .map((m) => [field(m, "ChangeType"), field(m, "CreateTime")]),
    ).toEqual([["meeting_start", String(moved)]]);
  });

  it("sends no start or end to a corp without the paid features, nor for a cancelled meeting, but still its cancel", async () => {
    await client.control(`corps/${SIM_CORP_ID}/settings`, { body: { meetingAdvanced: false } });
    await book({ meeting_start: now + 600, meeting_duration: 600 });
    await client.advance(1500);
    await sleep(200);
    expect(receiver.received).toEqual([]);

    await client.control(`corps/${SIM_CORP_ID}/settings`, { body: { meetingAdvanced: true } });
    const later = await book({ meeting_start: now + 4000, meeting_duration: 600 });
    await client.control(`meetings/${later}`, { body: { cancel: true } });
    await client.advance(5000);
    await receiver.waitFor(1);
    await sleep(200);
    expect(events().map((m) => [field(m, "ChangeType"), field(m, "MeetingId")])).toEqual([
      ["cancel_meeting", later],
    ]);
  });
});

describe("delivery", () => {
  it("retries a 500 three times in all: the same plaintext, a fresh timestamp, nonce and signature each time", async () => {
    receiver.answers = [{ status: 500 }, { status: 500 }, { status: 500 }];
    const id = await book();
    await client.control(`meetings/${id}`, { body: { cancel: true } });
    await receiver.waitFor(3);
    await sleep(100);
    expect(receiver.received).toHaveLength(3);
    const plaintexts = events();
    expect(new Set(plaintexts).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.query.nonce)).size).toBe(3);
    expect(new Set(receiver.received.map((r) => r.query.msg_signature)).size).toBe(3);
    expect(new Set(receiver.received.map((r) => r.ciphertext)).size).toBe(3);

    const attempts = await log(`?meetingid=${id}`);
    expect(attempts.map((a) => [a.attempt, a.of, a.outcome, a.status])).toEqual([
      [1, 3, "failed", 500],
      [2, 3, "failed", 500],
      [3, 3, "failed", 500],
    ]);
    expect(attempts[0]).toMatchObject({
      event: "meeting_change/cancel_meeting",
      target: {
        kind: "app",
        app: "meeting-assistant",
        url: `${receiver.url}/api/wecom/callback/app-1`,
      },
      receiver_id: SIM_CORP_ID,
      agentid: app.agentId,
    });
    expect(attempts.every((a) => typeof a.duration_ms === "number")).toBe(true);
  });

  it("stops at the first success, and counts a late answer or a non-success body as a failure", async () => {
    receiver.answers = [{ delayMs: TIMEOUT_MS + 300 }, { body: "ok" }, { body: "success" }];
    const id = await book();
    await client.control(`meetings/${id}`, { body: { title: "重试测试" } });
    await receiver.waitFor(3);
    await sleep(TIMEOUT_MS + 200);
    expect(receiver.received).toHaveLength(3);
    const attempts = await log(`?meetingid=${id}`);
    expect(attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "success"]);
    expect(attempts[0]!.error).toContain(`no answer within ${TIMEOUT_MS} ms`);
    expect(attempts[1]!.error).toContain('not "success"');
    expect(attempts[2]).toMatchObject({ status: 200, response: "success" });
  });

  it("logs each attempt in the request log too, next to the calls, and a dead receiver never slows an answer", async () => {
    await client.control("callbacks", {
      body: {
        app: "meeting-assistant",
        url: "http://127.0.0.1:9/api/wecom/callback/nowhere", // discard port: refused
        token: receiver.keys.token,
        encoding_aes_key: receiver.keys.encodingAesKey,
      },
    });
    const id = await book();
    await fetch(`${sim.url}/__sim/requests`, { method: "DELETE" });
    const started = performance.now();
    await client.control(`meetings/${id}`, { body: { cancel: true } });
    expect(performance.now() - started).toBeLessThan(300);
    const deadline = Date.now() + 3000;
    let attempts: CallbackAttempt[] = [];
    while (Date.now() < deadline) {
      attempts = await log(`?meetingid=${id}`);
      if (attempts.length === 3 && attempts.every((a) => a.outcome !== "pending")) break;
      await sleep(20);
    }
    expect(attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "failed"]);
    expect(attempts[0]!.error).toMatch(/fetch failed|ECONNREFUSED/);
    const requests = await client.control<{ operation: string; callback?: unknown }[]>("requests");
    expect(requests.filter((r) => r.callback).map((r) => r.operation)).toEqual([
      "callback:cancel_meeting",
      "callback:cancel_meeting",
      "callback:cancel_meeting",
    ]);
    // The simulator still answers at once.
    expect((await client.call("meeting/get_info", { meetingid: id }, token)).status).toBe(4);
    const start = await (await fetch(`${sim.url}/__sim/`)).text();
    expect(start).toContain("→ 回调 cancel_meeting");
    expect(start).toContain("事件回调");
  });
});
