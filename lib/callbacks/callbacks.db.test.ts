// WeCom's callbacks arriving at MeetBridge's two URLs, on a real database (SQLite, and
// PostgreSQL when TEST_DATABASE_URL is set) with the simulator behind the apps: the
// route handlers are called with requests sealed the way WeCom seals them.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { openAppSecret, sealAppSecret } from "@/lib/crypto/app-secret";
import type { WecomClient } from "@/lib/wecom";
import {
  generateCallbackToken,
  generateEncodingAesKey,
  sealCallback,
  type CallbackKeys,
} from "@/lib/wecom/callback-crypto";
import { SIM_APPS, SIM_CORP_ID } from "@/lib/wecom/simulator/seed-data";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

type Route = typeof import("@/app/api/wecom/callback/[appId]/route");

let h: MeetingHarness;
let client: WecomClient;
let dataRoute: Route;
let suiteRoute: Route;
let settle: () => Promise<void>;
let checkApp: typeof import("@/lib/apps/check-app").checkApp;
let forgetAppTokens: typeof import("@/lib/apps/wecom-client").forgetAppTokens;
let suiteApp: { id: string; suiteId: string };
const keys: CallbackKeys = {
  token: generateCallbackToken(),
  encodingAesKey: generateEncodingAesKey(),
};
const SUITE = SIM_APPS.find((a) => a.kind === "third_party")!;

beforeAll(async () => {
  h = await startMeetingHarness();
  client = await h.meetings.meetingDeps.clientFor(h.actor().db, h.appId);
  dataRoute = await import("@/app/api/wecom/callback/[appId]/route");
  suiteRoute = await import("@/app/api/wecom/suite/[appId]/route");
  settle = (await import("./after-ack")).settleAfterAck;
  checkApp = (await import("@/lib/apps/check-app")).checkApp;
  forgetAppTokens = (await import("@/lib/apps/wecom-client")).forgetAppTokens;
  const third = await h.db.app.findFirstOrThrow({
    where: { tenantId: h.tenant.id, kind: "third_party" },
  });
  suiteApp = { id: third.id, suiteId: third.suiteId! };
  for (const id of [h.appId, suiteApp.id]) {
    const owner = { tenantId: h.tenant.id, id };
    await h.db.app.update({
      where: { id },
      data: {
        callbackTokenEnc: sealAppSecret(owner, "callbackTokenEnc", keys.token),
        callbackAesKeyEnc: sealAppSecret(owner, "callbackAesKeyEnc", keys.encodingAesKey),
      },
    });
  }
});
afterAll(async () => {
  await h?.close();
});

interface Send {
  appId?: string;
  channel?: "callback" | "suite";
  receiverId?: string;
  keys?: CallbackKeys;
  now?: Date;
  nonce?: string;
  tamper?: boolean;
}

function requestOf(message: string, o: Send = {}) {
  const appId = o.appId ?? h.appId;
  const sealed = sealCallback({
    keys: o.keys ?? keys,
    receiverId: o.receiverId ?? (o.channel === "suite" ? suiteApp.suiteId : SIM_CORP_ID),
    message,
    now: o.now,
    nonce: o.nonce,
  });
  const url = new URL(`http://meetbridge.test/api/wecom/${o.channel ?? "callback"}/${appId}`);
  for (const [k, v] of Object.entries(sealed.query)) url.searchParams.set(k, v);
  if (o.tamper) url.searchParams.set("msg_signature", "0".repeat(40));
  return { url, body: sealed.body, appId, ciphertext: sealed.ciphertext };
}

async function post(message: string, o: Send = {}) {
  const r = requestOf(message, o);
  return send(r, o.channel);
}

async function send(r: ReturnType<typeof requestOf>, channel: Send["channel"] = "callback") {
  const route = channel === "suite" ? suiteRoute : dataRoute;
  const res = await route.POST(new Request(r.url, { method: "POST", body: r.body }), {
    params: Promise.resolve({ appId: r.appId }),
  });
  const text = await res.text();
  await settle();
  return { status: res.status, text };
}

const meetingEvent = (changeType: string, wecomMeetingId: string, from = "lihua") =>
  `<xml><ToUserName><![CDATA[${SIM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>` +
  `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
  `<Event><![CDATA[meeting_change]]></Event><ChangeType><![CDATA[${changeType}]]></ChangeType>` +
  `<MeetingId><![CDATA[${wecomMeetingId}]]></MeetingId></xml>`;

const suiteEvent = (infoType: string, inner: string) =>
  `<xml><SuiteId><![CDATA[${suiteApp.suiteId}]]></SuiteId><InfoType><![CDATA[${infoType}]]></InfoType>` +
  `<TimeStamp>${Math.floor(Date.now() / 1000)}</TimeStamp>${inner}</xml>`;

async function book(name: string) {
  const v = h.booking(name);
  const result = await h.meetings.bookMeeting(h.actor(), v);
  if (!result.ok) throw new Error(`booking ${name}: ${JSON.stringify(result)}`);
  // The first read fills in the code and link, so later reads show only real changes.
  await h.meetings.syncMeeting(h.actor(), result.meetingId);
  const row = await h.db.meeting.findUniqueOrThrow({ where: { id: result.meetingId } });
  return { id: row.id, wecomId: row.wecomMeetingId!, title: row.title };
}

const getInfos = async (wecomId: string) =>
  (await h.simRequests("meeting/get_info")).filter(
    (r) => (r.body as { meetingid?: unknown }).meetingid === wecomId,
  ).length;

const callbackAudits = (meetingId: string) =>
  h.db.auditEvent.findMany({ where: { objectId: meetingId, source: "callback" } });

/** Everything a refused callback must leave alone. */
async function snapshot(meetingId: string) {
  const [meeting, audits, events, logs, nonces] = await Promise.all([
    h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } }),
    h.db.auditEvent.count(),
    h.db.callbackEvent.findMany({ orderBy: { id: "asc" } }),
    h.db.callLog.count(),
    h.db.callbackNonce.count(),
  ]);
  return { meeting, audits, events, logs, nonces };
}

const appState = (id = h.appId) =>
  h.db.app.findUniqueOrThrow({
    where: { id },
    select: { lastCallbackOk: true, lastCallbackError: true, callbackVerifiedAt: true },
  });

describe(`WeCom callbacks (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("answers the console's URL verification with the decrypted echostr, on both URLs", async () => {
    for (const [channel, route, receiverId, appId] of [
      ["callback", dataRoute, SIM_CORP_ID, h.appId],
      ["suite", suiteRoute, SUITE.suiteId!, suiteApp.id],
    ] as const) {
      const sealed = sealCallback({ keys, receiverId, message: `echo-${channel}-4711` });
      const url = new URL(`http://meetbridge.test/api/wecom/${channel}/${appId}`);
      for (const [k, v] of Object.entries(sealed.query)) url.searchParams.set(k, v);
      url.searchParams.set("echostr", sealed.ciphertext);
      const res = await route.GET(new Request(url), { params: Promise.resolve({ appId }) });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(`echo-${channel}-4711`);
      expect(await appState(appId)).toMatchObject({
        lastCallbackOk: true,
        lastCallbackError: null,
      });
    }
  });

  it("refuses a wrong signature, a wrong receiver, a stale timestamp and a replay, changing nothing", async () => {
    const m = await book("回调拒绝");
    const event = meetingEvent("cancel_meeting", m.wecomId);
    await client.cancelMeeting({ meetingId: m.wecomId });
    const before = await snapshot(m.id);
    const infos = await getInfos(m.wecomId);

    const cases: [Send, string[]][] = [
      [{ tamper: true }, ["signature"]],
      [{ receiverId: "wwsomeoneelse0000" }, ["receiver"]],
      [{ now: new Date(Date.now() - 400_000) }, ["stale"]],
      // Signed with the Token but encrypted with another key: garbage once decrypted.
      [{ keys: { ...keys, encodingAesKey: generateEncodingAesKey() } }, ["decrypt", "receiver"]],
    ];
    for (const [o, reasons] of cases) {
      const r = await post(event, o);
      expect(r.status, reasons[0]).toBe(403);
      const state = await appState();
      expect(state.lastCallbackOk).toBe(false);
      expect(reasons).toContain(state.lastCallbackError);
    }
    expect(await snapshot(m.id)).toEqual(before);

    // The exact request again (same nonce and signature) is a replay: once accepted, then
    // refused; only the first is processed.
    const once = requestOf(event);
    expect(await send(once)).toEqual({ status: 200, text: "success" });
    const accepted = await snapshot(m.id);
    expect(accepted.meeting.status).toBe("cancelled");
    const replay = await send(once);
    expect(replay.status).toBe(403);
    expect(await appState()).toMatchObject({ lastCallbackOk: false, lastCallbackError: "replay" });
    expect(await snapshot(m.id)).toEqual(accepted);
    expect(await getInfos(m.wecomId)).toBe(infos + 1);
  });

  it("says nothing about an unknown app id, and refuses an app without callback keys", async () => {
    const logs = await h.db.callLog.count();
    expect((await post(meetingEvent("modify_meeting", "x"), { appId: "no-such-app" })).status).toBe(
      404,
    );
    const plain = await h.db.app.findFirstOrThrow({
      where: { tenantId: h.tenant.id, kind: "custom" },
    });
    expect((await post(meetingEvent("modify_meeting", "x"), { appId: plain.id })).status).toBe(403);
    expect(await appState(plain.id)).toMatchObject({
      lastCallbackOk: false,
      lastCallbackError: "notConfigured",
      callbackVerifiedAt: null,
    });
    expect(await h.db.callLog.count()).toBe(logs);
  });

  it("handles one event delivered three times once: one get_info, one audit event", async () => {
    const m = await book("回调三次");
    await client.updateMeeting({ meetingId: m.wecomId, title: "企微里改名" });
    const infos = await getInfos(m.wecomId);
    const event = meetingEvent("modify_meeting", m.wecomId);
    for (let i = 0; i < 3; i++) expect(await post(event)).toEqual({ status: 200, text: "success" });

    const row = await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } });
    expect(row.title).toBe("企微里改名");
    const audits = await callbackAudits(m.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "meeting.sync",
      actorUserId: null,
      diff: { title: { from: m.title, to: "企微里改名" } },
    });
    expect(await getInfos(m.wecomId)).toBe(infos + 1);
    const stored = await h.db.callbackEvent.findMany({ where: { meetingId: m.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ deliveries: 3, outcome: "updated", kind: "meeting_change" });

    // Each delivery is in the meeting's 报文, next to the get_info it caused.
    const logs = await h.db.callLog.findMany({
      where: { meetingId: m.id },
      orderBy: { createdAt: "asc" },
    });
    const ops = logs.map((l) => l.operation);
    expect(ops.filter((o) => o === "callback.meeting_change")).toHaveLength(3);
    expect(ops.filter((o) => o === "meeting/get_info").length).toBeGreaterThan(0);
    const cb = logs.find((l) => l.operation === "callback.meeting_change")!;
    expect(cb).toMatchObject({ method: "POST", httpStatus: 200, responseBody: "success" });
    expect(cb.url).not.toContain("msg_signature");
    expect(cb.requestBody).toContain("<ChangeType><![CDATA[modify_meeting]]></ChangeType>");
  });

  it("updates the time and cancels through get_info, with the audit source callback", async () => {
    const m = await book("回调改期");
    const row = await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } });
    const newStart = Math.floor(row.startAt.getTime() / 1000) + 3600;
    await client.updateMeeting({
      meetingId: m.wecomId,
      meetingStart: newStart,
      meetingDuration: row.durationSec,
    });
    await post(meetingEvent("modify_meeting", m.wecomId));
    const moved = await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } });
    expect(moved.startAt.getTime()).toBe(newStart * 1000);

    await client.cancelMeeting({ meetingId: m.wecomId });
    await post(meetingEvent("cancel_meeting", m.wecomId));
    const cancelled = await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancelledAt).not.toBeNull();
    const diffs = (await callbackAudits(m.id)).map((a) => Object.keys(a.diff as object));
    expect(diffs).toEqual([["startAt"], ["status"]]);
  });

  it("moves a meeting to in progress and ended on start and end, without get_info", async () => {
    const m = await book("回调开始结束");
    const infos = await getInfos(m.wecomId);
    await post(meetingEvent("meeting_start", m.wecomId, "sys"));
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } })).status).toBe(
      "in_progress",
    );
    await post(meetingEvent("meeting_end", m.wecomId, "sys"));
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("ended");
    expect(await getInfos(m.wecomId)).toBe(infos);
    const audits = await callbackAudits(m.id);
    expect(audits.map((a) => a.diff)).toEqual([
      { status: { from: "booked", to: "in_progress" } },
      { status: { from: "in_progress", to: "ended" } },
    ]);
  });

  it("processes an event whose after-work never ran (a crash) in the sweep, once across two sweeps", async () => {
    const { receiveCallback } = await import("./receive");
    const { sweepCallbacks } = await import("./sweep");
    const m = await book("回调清扫");
    await client.cancelMeeting({ meetingId: m.wecomId });
    const at = new Date(Date.now() - 30_000);
    const r = requestOf(meetingEvent("cancel_meeting", m.wecomId), { now: at });
    // Received and answered, but the process died before the work after the answer.
    const answer = await receiveCallback({
      channel: "data",
      appId: h.appId,
      method: "POST",
      url: r.url,
      body: r.body,
      now: at,
    });
    expect(answer.status).toBe(200);
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("booked");

    const [a, b] = await Promise.all([sweepCallbacks(), sweepCallbacks()]);
    expect(a.processed + b.processed).toBe(1);
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } })).status).toBe(
      "cancelled",
    );
    expect(await callbackAudits(m.id)).toHaveLength(1);
  });

  it("finds a meeting recorded between the delivery and the processing", async () => {
    const { receiveCallback } = await import("./receive");
    const { sweepCallbacks } = await import("./sweep");
    const m = await book("回调之后才记录");
    await client.cancelMeeting({ meetingId: m.wecomId });
    // Not yet recorded with its meetingid when the event arrives (adopted just after).
    await h.db.meeting.update({ where: { id: m.id }, data: { wecomMeetingId: null } });
    const at = new Date(Date.now() - 30_000);
    const r = requestOf(meetingEvent("cancel_meeting", m.wecomId), { now: at });
    await receiveCallback({
      channel: "data",
      appId: h.appId,
      method: "POST",
      url: r.url,
      body: r.body,
      now: at,
    });
    await h.db.meeting.update({ where: { id: m.id }, data: { wecomMeetingId: m.wecomId } });

    await sweepCallbacks();
    const event = await h.db.callbackEvent.findFirstOrThrow({
      where: { wecomMeetingId: m.wecomId },
    });
    expect(event).toMatchObject({ meetingId: m.id, outcome: "updated", error: null });
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } })).status).toBe(
      "cancelled",
    );
  });

  it("records an event for a meeting MeetBridge does not know, and other change types", async () => {
    await post(meetingEvent("modify_meeting", "sim-unknown-meeting-1"));
    await post(meetingEvent("add_member", "sim-unknown-meeting-1"));
    const events = await h.db.callbackEvent.findMany({
      where: { wecomMeetingId: "sim-unknown-meeting-1" },
      orderBy: { receivedAt: "asc" },
    });
    expect(events.map((e) => [e.changeType, e.outcome])).toEqual([
      ["modify_meeting", "unknown-meeting"],
      ["add_member", "unknown-meeting"],
    ]);
    // Offered on the adopt page, once, with the latest event.
    const { reportedMeetings } = await import("./reported-meetings");
    const reported = await reportedMeetings(h.actor().db);
    expect(reported.filter((r) => r.wecomMeetingId === "sim-unknown-meeting-1")).toEqual([
      expect.objectContaining({ appId: h.appId, changeType: "add_member" }),
    ]);
    const m = await book("回调其他类型");
    await post(meetingEvent("add_member", m.wecomId));
    const other = await h.db.callbackEvent.findFirstOrThrow({
      where: { wecomMeetingId: m.wecomId, changeType: "add_member" },
    });
    expect(other).toMatchObject({ outcome: "recorded", meetingId: m.id });
  });

  it("stores a pushed suite ticket sealed and uses it for the next suite token", async () => {
    const owner = { tenantId: h.tenant.id, id: suiteApp.id };
    await h.db.app.update({
      where: { id: suiteApp.id },
      data: {
        suiteTicketEnc: sealAppSecret(owner, "suiteTicketEnc", "an-expired-ticket"),
        suiteTicketAt: new Date(Date.now() - 3600_000),
      },
    });
    const scoped = h.actor().db;
    await forgetAppTokens(scoped, suiteApp.id);
    expect((await checkApp(scoped, suiteApp.id, "zh-CN"))!.error).not.toBeNull();

    const r = await post(
      suiteEvent("suite_ticket", `<SuiteTicket><![CDATA[${SUITE.suiteTicket}]]></SuiteTicket>`),
      { appId: suiteApp.id, channel: "suite" },
    );
    expect(r).toEqual({ status: 200, text: "success" });
    const row = await h.db.app.findUniqueOrThrow({
      where: { id: suiteApp.id },
      omit: { suiteTicketEnc: false },
    });
    expect(openAppSecret(owner, "suiteTicketEnc", row.suiteTicketEnc!)).toBe(SUITE.suiteTicket);
    expect(row.suiteTicketEnc).not.toContain(SUITE.suiteTicket!);
    const event = await h.db.callbackEvent.findFirstOrThrow({
      where: { appId: suiteApp.id, kind: "suite_ticket" },
    });
    expect(event.outcome).toBe("stored");
    const log = await h.db.callLog.findFirstOrThrow({
      where: { appId: suiteApp.id, operation: "callback.suite_ticket" },
    });
    for (const text of [event.body, log.requestBody!]) {
      expect(text).not.toContain(SUITE.suiteTicket!);
      expect(text).toContain("<SuiteTicket>[REDACTED]</SuiteTicket>");
    }

    const tokens = (await h.simRequests("service/get_suite_token")).length;
    expect((await checkApp(scoped, suiteApp.id, "zh-CN"))!.error).toBeNull();
    expect((await h.simRequests("service/get_suite_token")).length).toBe(tokens + 1);
  });

  it("takes the suite ticket the simulator itself pushes, and the next suite token uses it", async () => {
    // A bridge from the simulator's HTTP push to the route handler, as next start would be.
    const bridge = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const url = `http://127.0.0.1${req.url}`;
        const request = new Request(url, { method: req.method, body: Buffer.concat(chunks) });
        void suiteRoute
          .POST(request, { params: Promise.resolve({ appId: suiteApp.id }) })
          .then(async (answer) => res.writeHead(answer.status).end(await answer.text()));
      });
    });
    await new Promise<void>((resolve) => bridge.listen(0, "127.0.0.1", resolve));
    const port = (bridge.address() as AddressInfo).port;
    const scoped = h.actor().db;
    try {
      // Configuring the suite's callback makes the simulator push a new ticket at once.
      await h.control("POST", "/__sim/callbacks", {
        suite_id: suiteApp.suiteId,
        url: `http://127.0.0.1:${port}/api/wecom/suite/${suiteApp.id}`,
        token: keys.token,
        encoding_aes_key: keys.encodingAesKey,
      });
      const pushed = async () =>
        ((await h.control("GET", "/__sim/tokens")) as { token: string; kind: string }[])
          .filter((t) => t.kind === "suite_ticket" && t.token !== SUITE.suiteTicket)
          .map((t) => t.token);
      await expect.poll(pushed).toHaveLength(1);
      const [ticket] = await pushed();
      const owner = { tenantId: h.tenant.id, id: suiteApp.id };
      await expect
        .poll(async () => {
          const row = await h.db.app.findUniqueOrThrow({
            where: { id: suiteApp.id },
            omit: { suiteTicketEnc: false },
          });
          return row.suiteTicketEnc && openAppSecret(owner, "suiteTicketEnc", row.suiteTicketEnc);
        })
        .toBe(ticket);

      // The next suite token is fetched with it, and WeCom (the simulator) accepts it.
      await forgetAppTokens(scoped, suiteApp.id);
      const before = (await h.simRequests("service/get_suite_token")).length;
      expect((await checkApp(scoped, suiteApp.id, "zh-CN"))!.error).toBeNull();
      const fetched = (await h.simRequests("service/get_suite_token")).slice(before);
      expect(fetched).toHaveLength(1);
      expect(fetched[0]!.errcode).toBe(0);
    } finally {
      await h.control("POST", "/__sim/callbacks", { suite_id: suiteApp.suiteId, url: null });
      await new Promise((resolve) => bridge.close(resolve));
    }
  });

  it("marks the suite's app unauthorised when the corp cancels the authorisation", async () => {
    await post(
      suiteEvent("create_auth", `<AuthCode><![CDATA[secret-auth-code-123]]></AuthCode><State/>`),
      { appId: suiteApp.id, channel: "suite" },
    );
    const created = await h.db.callLog.findFirstOrThrow({
      where: { appId: suiteApp.id, operation: "callback.create_auth" },
    });
    expect(created.requestBody).not.toContain("secret-auth-code-123");

    await post(suiteEvent("cancel_auth", `<AuthCorpId><![CDATA[${SIM_CORP_ID}]]></AuthCorpId>`), {
      appId: suiteApp.id,
      channel: "suite",
    });
    const app = await h.db.app.findUniqueOrThrow({ where: { id: suiteApp.id } });
    expect(app.status).toBe("unauthorised");
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { objectId: suiteApp.id, action: "app.authorisation", diff: { not: undefined } },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({
      source: "callback",
      diff: { event: "cancel_auth", status: { from: "active", to: "unauthorised" } },
    });
    // The data callback apps of the corp are not the suite's: untouched.
    expect((await h.db.app.findUniqueOrThrow({ where: { id: h.appId } })).status).toBe("active");
  });
});

describe("a flood of refused callbacks", () => {
  it("writes the app's refusal status once every few seconds, and a new reason at once", async () => {
    const event = meetingEvent("cancel_meeting", "no-such-meeting");
    expect((await post(event, { tamper: true })).status).toBe(403);
    const first = await h.db.app.findUniqueOrThrow({ where: { id: h.appId } });
    expect(first).toMatchObject({ lastCallbackOk: false, lastCallbackError: "signature" });
    for (let i = 0; i < 20; i++) expect((await post(event, { tamper: true })).status).toBe(403);
    const after = await h.db.app.findUniqueOrThrow({ where: { id: h.appId } });
    // Not one write per forged request: the row is as the first refusal left it.
    expect(after.lastCallbackAt).toEqual(first.lastCallbackAt);
    expect(after.updatedAt).toEqual(first.updatedAt);

    const stale = await post(event, { now: new Date(Date.now() - 400_000) });
    expect(stale.status).toBe(403);
    expect(await appState()).toMatchObject({ lastCallbackOk: false, lastCallbackError: "stale" });
  });
});
