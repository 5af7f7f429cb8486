// /__sim/callbacks: where the simulator calls back (set, list, clear), how (timeout,
// attempts, pause, ticket interval), what it sent (the delivery log), and sending by hand:
// any event, a tampered one, or a byte-for-byte replay of a logged request.
// Bodies are snake_case, like the WeCom fields they carry.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { isEncodingAesKey } from "../callback-crypto.ts";
import { appTarget, pushSuiteTicket, suiteTarget } from "./callback-events.js";
import {
  meetingChangeXml,
  redactMessage,
  suiteInfoXml,
  SUITE_INFO_TYPES,
} from "./callback-messages.js";
import {
  TAMPERS,
  type CallbackAttempt,
  type CallbackTarget,
  type Delivery,
} from "./callback-sender.js";
import type { CallbackConfig } from "./callbacks.js";
import type { SimEnv } from "./operation.js";
import { parse } from "./routes-sim.js";
import { SIM_APPS, type SimApp } from "./seed-data.js";
import type { SimState } from "./state.js";
import { randomBytes } from "node:crypto";

/** Which receiver: a seeded app (by key, or corpid + agentid) or a suite. */
const receiverFields = {
  app: z.string().min(1).optional(),
  corpid: z.string().min(1).optional(),
  agentid: z.number().int().optional(),
  suite_id: z.string().min(1).optional(),
};

const setSchema = z
  .object({
    ...receiverFields,
    /** null clears the callback */
    url: z.url({ protocol: /^https?$/ }).nullable(),
    token: z
      .string()
      .regex(/^[A-Za-z0-9]{1,32}$/, "1 to 32 letters and digits")
      .optional(),
    encoding_aes_key: z
      .string()
      .refine(isEncodingAesKey, "43 characters of base64 (32 bytes)")
      .optional(),
    /** As WeCom's console: check the URL first (a GET with echostr), save only if it answers. */
    verify: z.boolean().default(false),
  })
  .strict();

const verifySchema = z.object({ ...receiverFields, wait: z.boolean().default(false) }).strict();

const policySchema = z
  .object({
    timeout_ms: z.number().int().min(1).max(60_000).optional(),
    attempts: z.number().int().min(1).max(10).optional(),
    retry_delay_ms: z.number().int().min(0).max(600_000).optional(),
    suite_ticket_interval_sec: z.number().int().min(1).optional(),
    max_in_flight: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

const sendSchema = z
  .object({
    ...receiverFields,
    /** meeting_change: modify_meeting, cancel_meeting, meeting_start, meeting_end or any other */
    change_type: z.string().min(1).optional(),
    meetingid: z.string().min(1).optional(),
    /** One event per meeting, all at once. */
    meetingids: z.array(z.string().min(1)).min(1).max(5000).optional(),
    /** FromUserName; default the meeting's administrator, or "sys" */
    from_userid: z.string().min(1).optional(),
    /** CreateTime / TimeStamp; default the simulator clock */
    create_time: z.number().int().optional(),
    /** A suite event: suite_ticket (a new ticket is issued), create_auth, change_auth, cancel_auth */
    info_type: z.enum(SUITE_INFO_TYPES).optional(),
    auth_code: z.string().min(1).optional(),
    state: z.string().optional(),
    auth_corpid: z.string().min(1).optional(),
    /** A raw plaintext to seal and send as it is */
    message: z.string().min(1).optional(),
    tamper: z.enum(TAMPERS).optional(),
    /** The same event delivered this many times at once (as a receiver may see retries). */
    count: z.number().int().min(1).max(5000).default(1),
    /** Answer once every delivery succeeded or gave up, with its attempts. */
    wait: z.boolean().default(false),
  })
  .strict();

const replaySchema = z.object({ id: z.number().int(), wait: z.boolean().default(false) }).strict();

const mask = (v: string) => `***${v.slice(-4)}`;

function configView(c: CallbackConfig) {
  return {
    url: c.url,
    token: mask(c.token),
    encoding_aes_key: mask(c.encodingAesKey),
    configured_at: c.configuredAt,
  };
}

function callbacksView(state: SimState) {
  const p = state.callbacks.policy;
  return {
    apps: [...state.callbacks.apps.values()].map((c) => ({
      app: SIM_APPS.find((a) => a.corpId === c.corpId && a.agentId === c.agentId)?.key,
      corpid: c.corpId,
      agentid: c.agentId,
      ...configView(c),
    })),
    suites: [...state.callbacks.suites.values()].map((c) => ({
      suite_id: c.suiteId,
      ...configView(c),
    })),
    suite_tickets: state.callbacks.tickets.map((t) => ({
      suite_id: t.suiteId,
      ticket: mask(t.ticket),
      issued_at: t.issuedAt,
    })),
    policy: {
      timeout_ms: p.timeoutMs,
      attempts: p.attempts,
      retry_delay_ms: p.retryDelayMs,
      suite_ticket_interval_sec: p.suiteTicketIntervalSec,
      max_in_flight: p.maxInFlight,
    },
  };
}

type Receiver = { app: SimApp } | { suiteId: string } | { error: string; status: 400 | 404 };

function receiverOf(body: {
  app?: string;
  corpid?: string;
  agentid?: number;
  suite_id?: string;
}): Receiver {
  const named = [body.app, body.corpid ?? body.agentid, body.suite_id].filter(
    (v) => v !== undefined,
  ).length;
  if (named > 1)
    return { error: "name one receiver: app, corpid + agentid, or suite_id", status: 400 };
  if (body.suite_id !== undefined) {
    const suite = SIM_APPS.find((a) => a.kind === "third_party" && a.suiteId === body.suite_id);
    return suite
      ? { suiteId: body.suite_id }
      : { error: `unknown suite ${body.suite_id}`, status: 404 };
  }
  if (body.app !== undefined) {
    const app = SIM_APPS.find((a) => a.key === body.app);
    return app ? { app } : { error: `unknown app ${body.app}`, status: 404 };
  }
  if (body.corpid !== undefined || body.agentid !== undefined) {
    const app = SIM_APPS.find((a) => a.corpId === body.corpid && a.agentId === body.agentid);
    return app
      ? { app }
      : { error: `no app with corpid ${body.corpid} and agentid ${body.agentid}`, status: 404 };
  }
  return { error: "name the receiver: app, corpid + agentid, or suite_id", status: 400 };
}

const fail = (c: Context<SimEnv>, status: 400 | 404 | 409, error: string) =>
  c.json({ error }, status);

async function settle(
  state: SimState,
  deliveries: Delivery[],
  wait: boolean,
): Promise<{ deliveries: number[]; outcomes?: string[]; attempts?: CallbackAttempt[] }> {
  if (!wait) return { deliveries: deliveries.map((d) => d.id) };
  const outcomes = await Promise.all(deliveries.map((d) => d.done));
  const ids = new Set(deliveries.map((d) => d.id));
  return {
    deliveries: deliveries.map((d) => d.id),
    outcomes,
    attempts: state.sender.log.filter((a) => ids.has(a.delivery)),
  };
}

export function registerCallbackRoutes(app: Hono<SimEnv>, state: SimState): void {
  app.get("/__sim/callbacks", (c) => c.json(callbacksView(state)));

  app.post("/__sim/callbacks", async (c) => {
    const p = await parse(c, setSchema);
    if ("error" in p) return p.error;
    const r = receiverOf(p.data);
    if ("error" in r) return fail(c, r.status, r.error);
    const { url, token, encoding_aes_key } = p.data;
    const key = "app" in r ? `${r.app.corpId}:${r.app.agentId}` : r.suiteId;
    if (url === null) {
      if ("app" in r) state.callbacks.apps.delete(key);
      else state.callbacks.suites.delete(key);
      state.changed();
      return c.json(callbacksView(state));
    }
    if (!token || !encoding_aes_key)
      return fail(c, 400, "a callback needs url, token and encoding_aes_key");
    const config = {
      url,
      token,
      encodingAesKey: encoding_aes_key,
      configuredAt: state.clock.nowSec(),
    };
    if (p.data.verify) {
      const check = state.sender.verify({
        kind: "app" in r ? "app" : "suite",
        url,
        keys: { token, encodingAesKey: encoding_aes_key },
        receiverId: "app" in r ? r.app.corpId : r.suiteId,
        ...("app" in r ? { appKey: r.app.key } : { suiteId: r.suiteId }),
      });
      const checked = await settle(state, [check], true);
      if (checked.outcomes?.[0] !== "success") {
        return c.json(
          { error: "the URL did not answer the check: nothing saved", ...checked },
          409,
        );
      }
    }
    if ("app" in r)
      state.callbacks.setApp({ ...config, corpId: r.app.corpId, agentId: r.app.agentId });
    else state.callbacks.suites.set(r.suiteId, { ...config, suiteId: r.suiteId });
    state.changed();
    // As WeCom does once a suite's instruction callback is verified: a ticket straight away.
    if ("suiteId" in r) pushSuiteTicket(state, r.suiteId);
    return c.json(callbacksView(state));
  });

  // The URL check of a callback already set, again (WeCom runs it when the URL is saved).
  app.post("/__sim/callbacks/verify", async (c) => {
    const p = await parse(c, verifySchema);
    if ("error" in p) return p.error;
    const r = receiverOf(p.data);
    if ("error" in r) return fail(c, r.status, r.error);
    const target =
      "app" in r
        ? appTarget(state, r.app.key, { includeRevoked: true })
        : suiteTarget(state, r.suiteId);
    if (!target) return fail(c, 409, "no callback is set for this receiver");
    return c.json(await settle(state, [state.sender.verify(target)], p.data.wait));
  });

  app.get("/__sim/callbacks/policy", (c) => c.json(callbacksView(state).policy));
  app.post("/__sim/callbacks/policy", async (c) => {
    const p = await parse(c, policySchema);
    if ("error" in p) return p.error;
    const policy = state.callbacks.policy;
    const d = p.data;
    if (d.timeout_ms !== undefined) policy.timeoutMs = d.timeout_ms;
    if (d.attempts !== undefined) policy.attempts = d.attempts;
    if (d.retry_delay_ms !== undefined) policy.retryDelayMs = d.retry_delay_ms;
    if (d.suite_ticket_interval_sec !== undefined)
      policy.suiteTicketIntervalSec = d.suite_ticket_interval_sec;
    if (d.max_in_flight !== undefined) policy.maxInFlight = d.max_in_flight;
    return c.json(callbacksView(state).policy);
  });

  app.get("/__sim/callbacks/log", (c) => {
    const { event, meetingid, delivery } = c.req.query();
    return c.json(
      state.sender.log.filter(
        (a) =>
          (!event || a.event === event || a.event.endsWith(`/${event}`)) &&
          (!meetingid || a.meetingid === meetingid) &&
          (!delivery || a.delivery === Number(delivery)),
      ),
    );
  });
  app.delete("/__sim/callbacks/log", (c) => {
    state.sender.log = [];
    return c.json({ ok: true });
  });

  app.post("/__sim/callbacks/send", async (c) => {
    const p = await parse(c, sendSchema);
    if ("error" in p) return p.error;
    const b = p.data;
    const ids = b.meetingids ?? (b.meetingid ? [b.meetingid] : []);
    const first = ids[0] !== undefined ? state.meetings.get(ids[0]) : undefined;
    // No receiver named: the app that created the (first) meeting.
    const r: Receiver =
      (b.app ?? b.corpid ?? b.agentid ?? b.suite_id)
        ? receiverOf(b)
        : first
          ? { app: state.app(first.appKey) as SimApp }
          : {
              error: "name the receiver: app, corpid + agentid, suite_id, or a known meetingid",
              status: 400,
            };
    if ("error" in r) return fail(c, r.status, r.error);
    const target: CallbackTarget | undefined =
      "app" in r
        ? appTarget(state, r.app.key, { includeRevoked: true })
        : suiteTarget(state, r.suiteId);
    if (!target)
      return fail(c, 409, "no callback is set for this receiver: POST /__sim/callbacks first");

    const now = b.create_time ?? state.clock.nowSec();
    let messages: string[];
    if (b.message) messages = [b.message];
    else if (b.info_type) {
      if (!("suiteId" in r)) return fail(c, 400, "info_type events go to a suite: name suite_id");
      const suiteId = r.suiteId;
      const suite = SIM_APPS.find((a) => a.suiteId === suiteId);
      const extra =
        b.info_type === "suite_ticket"
          ? { suiteTicket: state.callbacks.issueTicket(suiteId, state.clock.nowSec()).ticket }
          : b.info_type === "create_auth"
            ? {
                authCode: b.auth_code ?? `sim-auth-code-${randomBytes(12).toString("base64url")}`,
                ...(b.state !== undefined ? { state: b.state } : {}),
              }
            : { authCorpId: b.auth_corpid ?? suite?.corpId ?? "" };
      if (b.info_type === "suite_ticket") {
        state.ticker.ticketPushed(suiteId, state.clock.nowSec());
        state.changed();
      }
      messages = [suiteInfoXml({ suiteId, infoType: b.info_type, timeStamp: now, ...extra })];
    } else if (b.change_type) {
      if (!("app" in r))
        return fail(c, 400, "meeting events go to an app: name app or corpid + agentid");
      if (ids.length === 0) return fail(c, 400, "a meeting event needs meetingid or meetingids");
      messages = ids.map((meetingid) =>
        meetingChangeXml({
          corpId: r.app.corpId,
          from: b.from_userid ?? state.meetings.get(meetingid)?.admin_userid ?? "sys",
          createTime: now,
          changeType: b.change_type as string,
          meetingId: meetingid,
        }),
      );
    } else return fail(c, 400, "say what to send: change_type, info_type or message");

    const deliveries = messages.flatMap((message) =>
      Array.from({ length: b.count }, () =>
        state.sender.send(target, message, { tamper: b.tamper }),
      ),
    );
    return c.json({
      ...(await settle(state, deliveries, b.wait)),
      messages: messages.map(redactMessage),
    });
  });

  app.post("/__sim/callbacks/replay", async (c) => {
    const p = await parse(c, replaySchema);
    if ("error" in p) return p.error;
    const delivery = state.sender.replay(p.data.id);
    if (!delivery) return fail(c, 404, `no callback log entry ${p.data.id}`);
    return c.json(await settle(state, [delivery], p.data.wait));
  });
}
