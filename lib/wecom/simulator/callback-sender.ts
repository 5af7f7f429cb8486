// Delivers callbacks as WeCom does: the plaintext sealed with the receiver's keys
// (callback-crypto.ts), POSTed with msg_signature, timestamp and nonce; anything but HTTP
// 200 with "success" within the timeout is a failure, retried up to the policy's attempts,
// each attempt the SAME plaintext sealed afresh (new timestamp, nonce, signature).
//
// Never in the way of the simulator's own answers: a delivery starts after the current
// event-loop turn (the answer that caused it goes first), never throws, and every attempt
// is logged: in the callback log (GET /__sim/callbacks/log) and the request log.
//
// The query timestamp is the machine's real time, which the receiver shares and checks
// within its window; the simulator clock (which tests move by hours) dates the events
// themselves (CreateTime, TimeStamp in the plaintext).
import { randomBytes } from "node:crypto";
import {
  callbackSignature,
  generateEncodingAesKey,
  sealCallback,
  type CallbackKeys,
} from "../callback-crypto.ts";
import { describeMessage, redactMessage } from "./callback-messages.js";
import type { RequestRecord, SimState } from "./state.js";

export type Tamper = "signature" | "receiver" | "stale" | "key";
export const TAMPERS: readonly Tamper[] = ["signature", "receiver", "stale", "key"];

export interface CallbackTarget {
  kind: "app" | "suite";
  url: string;
  keys: CallbackKeys;
  /** corpid for an app's data callback, the suite id for a suite's instruction callback */
  receiverId: string;
  agentId?: number;
  /** The simulator app key (app targets). */
  appKey?: string;
  suiteId?: string;
}

export interface CallbackAttempt {
  id: number;
  /** One event's attempts share it. */
  delivery: number;
  time: string;
  target: { kind: "app" | "suite"; url: string; app?: string; suite_id?: string };
  receiver_id: string;
  agentid?: number;
  /** "meeting_change/cancel_meeting", "suite_ticket", … */
  event: string;
  meetingid?: string;
  attempt: number;
  of: number;
  outcome: "pending" | "success" | "failed";
  status: number | null;
  /** The start of what the receiver answered. */
  response?: string;
  error?: string;
  duration_ms: number | null;
  tamper?: Tamper;
  replay_of?: number;
  /** Exactly what was sent (the body is ciphertext), for a byte-for-byte replay. */
  request: SentRequest;
  /** What counts as acknowledged: "success", or the echostr's plaintext for a URL check. */
  expected_answer: string;
  /** The plaintext, its suite ticket or auth code masked. */
  message: string;
}

/** A POST with the sealed XML, or the GET of a URL check (query with echostr, no body). */
export interface SentRequest {
  method: "POST" | "GET";
  query: Record<string, string>;
  body: string;
}

export interface Delivery {
  id: number;
  /** Resolves (never rejects) once it succeeded, gave up, or was stopped by a reset. */
  done: Promise<"success" | "failed" | "cancelled">;
}

const LOG_LIMIT = 5000;
const WRONG_RECEIVER = "wwsim-wrong-receiver";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * At most `limit()` requests on the wire at once; the others wait their turn. A thousand
 * connections opened at once make every one of them slow (seconds, on a busy machine),
 * which a receiver would be blamed for; WeCom does not flood a receiver like that either.
 */
class Slots {
  private busy = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly limit: () => number) {}

  async acquire(): Promise<void> {
    if (this.busy < this.limit()) {
      this.busy++;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy--;
  }
}
const nextTurn = () => new Promise<void>((r) => setImmediate(r));

function reasonOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return detail && !err.message.includes(detail) ? `${err.message} (${detail})` : err.message;
}

function urlWith(url: string, query: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u.toString();
}

function targetView(target: CallbackTarget): CallbackAttempt["target"] {
  return {
    kind: target.kind,
    url: target.url,
    ...(target.appKey ? { app: target.appKey } : {}),
    ...(target.suiteId ? { suite_id: target.suiteId } : {}),
  };
}

/** What goes on the wire for one attempt, tampered with if asked. */
function seal(target: CallbackTarget, message: string, tamper?: Tamper) {
  const now = new Date(Date.now() - (tamper === "stale" ? 3600_000 : 0));
  const keys =
    tamper === "key" ? { ...target.keys, encodingAesKey: generateEncodingAesKey() } : target.keys;
  const receiverId = tamper === "receiver" ? WRONG_RECEIVER : target.receiverId;
  const sealed = sealCallback({ keys, receiverId, message, agentId: target.agentId, now });
  if (tamper !== "signature") return sealed;
  const wrong = callbackSignature(
    randomBytes(16).toString("hex"),
    sealed.query.timestamp,
    sealed.query.nonce,
    sealed.ciphertext,
  );
  return { ...sealed, query: { ...sealed.query, msg_signature: wrong } };
}

export class CallbackSender {
  log: CallbackAttempt[] = [];
  private nextAttemptId = 1;
  private nextDeliveryId = 1;
  /** Bumped by reset() and close(): deliveries of an older generation stop. */
  private generation = 0;
  private closed = false;
  private readonly inflight = new Set<AbortController>();
  private readonly slots: Slots;

  constructor(private readonly state: SimState) {
    this.slots = new Slots(() => state.callbacks.policy.maxInFlight);
  }

  /**
   * Sends `message` to `target`: with retries, or once when tampered with (a tampered
   * message is a test of the receiver's refusal, not an event to get through).
   */
  send(target: CallbackTarget, message: string, opts: { tamper?: Tamper } = {}): Delivery {
    const id = this.nextDeliveryId++;
    const attempts = opts.tamper ? 1 : this.state.callbacks.policy.attempts;
    const done = this.run(id, attempts, target, message, opts.tamper).catch(
      () => "failed" as const,
    );
    return { id, done };
  }

  /** The request of a logged attempt, sent again byte for byte: same query, same body. */
  replay(logId: number): Delivery | undefined {
    const original = this.log.find((a) => a.id === logId);
    if (!original) return undefined;
    const id = this.nextDeliveryId++;
    const gen = this.generation;
    const done = (async () => {
      await nextTurn();
      await this.slots.acquire();
      if (this.stopped(gen)) {
        this.slots.release();
        return "cancelled" as const;
      }
      const entry = this.begin({
        delivery: id,
        target: original.target,
        receiver_id: original.receiver_id,
        ...(original.agentid !== undefined ? { agentid: original.agentid } : {}),
        event: original.event,
        ...(original.meetingid ? { meetingid: original.meetingid } : {}),
        attempt: 1,
        of: 1,
        replay_of: original.id,
        request: original.request,
        expected_answer: original.expected_answer,
        message: original.message,
      });
      return (await this.post(entry)) ? ("success" as const) : ("failed" as const);
    })().catch(() => "failed" as const);
    return { id, done };
  }

  /** Forgets the log and stops every delivery under way (POST /__sim/reset). */
  reset(): void {
    this.generation++;
    for (const c of this.inflight) c.abort(new Error("the simulator was reset"));
    this.log = [];
  }

  close(): void {
    this.closed = true;
    this.reset();
  }

  private stopped(gen: number): boolean {
    return this.closed || gen !== this.generation;
  }

  private async run(
    delivery: number,
    attempts: number,
    target: CallbackTarget,
    message: string,
    tamper?: Tamper,
  ): Promise<"success" | "failed" | "cancelled"> {
    const gen = this.generation;
    const { event, meetingid } = describeMessage(message);
    await nextTurn();
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await this.slots.acquire();
      if (this.stopped(gen)) {
        this.slots.release();
        return "cancelled";
      }
      let sealed: ReturnType<typeof seal>;
      try {
        sealed = seal(target, message, tamper);
      } catch (err) {
        this.slots.release();
        throw err;
      }
      const entry = this.begin({
        delivery,
        target: targetView(target),
        receiver_id: tamper === "receiver" ? WRONG_RECEIVER : target.receiverId,
        ...(target.agentId !== undefined ? { agentid: target.agentId } : {}),
        event,
        ...(meetingid ? { meetingid } : {}),
        attempt,
        of: attempts,
        ...(tamper ? { tamper } : {}),
        request: { method: "POST", query: { ...sealed.query }, body: sealed.body },
        expected_answer: "success",
        message: redactMessage(message),
      });
      if (await this.post(entry)) return "success";
      if (attempt < attempts) {
        await sleep(this.state.callbacks.policy.retryDelayMs);
      }
    }
    return this.stopped(gen) ? "cancelled" : "failed";
  }

  private begin(
    fields: Omit<
      CallbackAttempt,
      "id" | "time" | "outcome" | "status" | "duration_ms" | "response" | "error"
    >,
  ): CallbackAttempt {
    const entry: CallbackAttempt = {
      ...fields,
      id: this.nextAttemptId++,
      time: new Date().toISOString(),
      outcome: "pending",
      status: null,
      duration_ms: null,
    };
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    return entry;
  }

  /**
   * WeCom's check when a callback URL is saved: a GET whose echostr is an encrypted random
   * string, answered with that string's plaintext. Once, no retries.
   */
  verify(target: CallbackTarget): Delivery {
    const id = this.nextDeliveryId++;
    const gen = this.generation;
    const done = (async () => {
      await nextTurn();
      await this.slots.acquire();
      if (this.stopped(gen)) {
        this.slots.release();
        return "cancelled" as const;
      }
      const echo = String(randomBytes(8).readBigUInt64BE() % 10n ** 19n);
      const sealed = sealCallback({
        keys: target.keys,
        receiverId: target.receiverId,
        message: echo,
      });
      const entry = this.begin({
        delivery: id,
        target: targetView(target),
        receiver_id: target.receiverId,
        event: "verify_url",
        attempt: 1,
        of: 1,
        request: {
          method: "GET",
          query: { ...sealed.query, echostr: sealed.ciphertext },
          body: "",
        },
        expected_answer: echo,
        message: "",
      });
      return (await this.post(entry)) ? ("success" as const) : ("failed" as const);
    })().catch(() => "failed" as const);
    return { id, done };
  }

  /**
   * One request, in a slot the caller acquired (released here); true when it was answered
   * 200 with the expected body in time. Never throws.
   */
  private async post(entry: CallbackAttempt): Promise<boolean> {
    const { request } = entry;
    const record = this.state.record({
      method: request.method,
      path: entry.target.url,
      operation: `callback:${entry.event.replace(/^meeting_change\//, "")}`,
      query: request.query as unknown as Record<string, unknown>,
      body: entry.message,
      appKey: entry.target.app,
      errcode: null,
      response: { pending: true },
      callback: { logId: entry.id, attempt: entry.attempt, of: entry.of },
    });
    const controller = new AbortController();
    this.inflight.add(controller);
    const { timeoutMs } = this.state.callbacks.policy;
    const timer = setTimeout(
      () => controller.abort(new Error(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const started = performance.now();
    try {
      const res = await fetch(urlWith(entry.target.url, request.query), {
        method: request.method,
        ...(request.method === "POST"
          ? { headers: { "content-type": "text/xml; charset=utf-8" }, body: request.body }
          : {}),
        redirect: "manual",
        signal: controller.signal,
      });
      const text = await res.text();
      entry.status = res.status;
      entry.response = text.slice(0, 200);
      const expected = entry.expected_answer;
      entry.outcome = res.status === 200 && text.trim() === expected ? "success" : "failed";
      if (entry.outcome === "failed") {
        entry.error =
          res.status === 200
            ? `answered ${JSON.stringify(entry.response)}, not ${JSON.stringify(expected)}`
            : `HTTP ${res.status}`;
      }
    } catch (err) {
      entry.outcome = "failed";
      entry.error = controller.signal.aborted ? reasonOf(controller.signal.reason) : reasonOf(err);
    } finally {
      clearTimeout(timer);
      this.inflight.delete(controller);
      entry.duration_ms = Math.round(performance.now() - started);
      finish(record, entry);
      this.slots.release();
    }
    return entry.outcome === "success";
  }
}

function finish(record: RequestRecord, entry: CallbackAttempt): void {
  record.response = {
    outcome: entry.outcome,
    status: entry.status,
    ...(entry.response !== undefined ? { body: entry.response } : {}),
    ...(entry.error ? { error: entry.error } : {}),
    durationMs: entry.duration_ms,
  };
}
