// In-memory state of the simulator. Everything here is rebuilt from seed-data.ts by
// reset(), so a test suite can start from a known corp without a database. With a state
// file (persistence.ts), the durable part (meetings, revoked apps, corp settings, the
// clock offset, callback settings and suite tickets) is also kept on disk: whatever
// changes it calls changed().
import { redactJson, type Replace } from "../redact.ts";
import { randomBytes, randomInt } from "node:crypto";
import { CalendarStore } from "./calendars.js";
import { CallbackSender } from "./callback-sender.js";
import { CallbackTicker } from "./callback-ticker.js";
import { CallbackRegistry, DEFAULT_CALLBACK_POLICY, type CallbackPolicy } from "./callbacks.js";
import { SimClock } from "./clock.js";
import { FaultQueue } from "./faults.js";
import { RoomStore } from "./rooms-store.js";
import {
  SIM_APPS,
  SIM_CORPS,
  SIM_MEMBERS,
  type SimApp,
  type SimCorp,
  type SimMember,
} from "./seed-data.js";

export interface SimToken {
  token: string;
  kind: "corp" | "suite";
  /** corp tokens: the app; suite tokens: the third-party app owning the suite. */
  appKey: string;
  expiresAt: number;
  invalidated: boolean;
}

export interface MeetingSettings {
  password?: string;
  enable_waiting_room: boolean;
  allow_enter_before_host: boolean;
  remind_scope: number;
  enable_enter_mute: number;
  allow_external_user: boolean;
  enable_screen_watermark: boolean;
  hosts: string[];
  ring_users: string[];
  /** Advanced (self-built apps): "none", "local" or "cloud". */
  auto_record_type?: string;
}

export interface MeetingReminders {
  is_repeat: number;
  repeat_type?: number;
  repeat_interval?: number;
  repeat_until?: number;
  /** Advanced (self-built apps): custom recurrence on chosen weekdays (1–7) or days (1–31). */
  is_custom_repeat?: 1;
  repeat_day_of_week?: number[];
  repeat_day_of_month?: number[];
  /** Advanced (self-built apps): 1 = the series ends after repeat_until_count occurrences. */
  repeat_until_type?: 1;
  repeat_until_count?: number;
  remind_before: number[];
}

export interface SimMeeting {
  meetingid: string;
  appKey: string;
  corpId: string;
  admin_userid: string;
  title: string;
  meeting_start: number;
  meeting_duration: number;
  description?: string;
  location?: string;
  cal_id?: string;
  invitees: string[];
  settings: MeetingSettings;
  reminders: MeetingReminders;
  meeting_code: string;
  meeting_link: string;
  cancelled: boolean;
  /** Advanced (self-built apps): guests invited by phone. */
  guests?: { area: string; phone_number: string; guest_name: string }[];
  /** sub_meetingids cancelled one by one (occurrence-id.ts). */
  cancelledOccurrences: string[];
  createdAt: number;
}

export interface RequestRecord {
  id: number;
  time: string;
  method: string;
  path: string;
  operation: string;
  query: Record<string, unknown>;
  body: unknown;
  appKey?: string;
  errcode: number | null;
  response: unknown;
  /** A callback the simulator sent (path is the receiver's URL): its entry in the callback log. */
  callback?: { logId: number; attempt: number; of: number };
}

/**
 * The request log is test support, yet it must not become a place where secrets leak:
 * the same keys as the call log (lib/wecom/redact.ts), at any depth, in request bodies
 * and in the responses sent (which carry new tokens). Tokens and secrets keep their last
 * 4 characters, enough to tell two apart; a meeting password keeps nothing.
 */
const maskForLog: Replace = (key, v) => {
  if (key === "password") return v === undefined || v === null ? v : "***";
  return typeof v === "string" ? `***${v.slice(-4)}` : v;
};

export function redact(obj: Record<string, unknown>): Record<string, unknown> {
  return redactJson(obj, maskForLog);
}

/** A request body that is not a JSON object is logged as text, redacted when it is JSON. */
export function redactRaw(raw: string): unknown {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === "object" ? redactJson(parsed, maskForLog) : raw;
  } catch {
    return raw;
  }
}

/** Where the durable state goes when it changes (persistence.ts), if anywhere. */
export interface DurableStore {
  /** Something durable changed: save it soon. */
  changed(): void;
  /** Resolves once every change so far is on disk. */
  flush(): Promise<void>;
}

export class SimState {
  readonly clock = new SimClock();
  readonly faults = new FaultQueue();
  tokens = new Map<string, SimToken>();
  /** Every meeting, cancelled ones included; add one with addMeeting (it indexes it). */
  readonly meetings = new Map<string, SimMeeting>();
  /** Every meeting code and link handed out, so that a new one is checked in O(1). */
  readonly #handedOut = new Set<string>();
  requests: RequestRecord[] = [];
  revoked = new Set<string>();
  corps = new Map<string, SimCorp>();
  /** Meeting rooms, their bookings and the apps allowed to use them (rooms-store.ts). */
  readonly rooms = new RoomStore();
  /** oa/calendar: calendars by cal_id, and apps without 日程接口权限 (calendars.ts). */
  readonly calendars = new CalendarStore();
  /** Added to every /cgi-bin/ answer, ms (0 = none); set with POST /__sim/latency. */
  latencyMs: number;
  /** /cgi-bin/ requests being answered now, and the most at once since the last reset
   * (GET /__sim/in-flight): what a client's concurrency limit looks like from WeCom's side. */
  inFlight = { now: 0, peak: 0 };
  /** Where to call back, the suite tickets issued, and the delivery policy. */
  readonly callbacks: CallbackRegistry;
  readonly sender = new CallbackSender(this);
  readonly ticker: CallbackTicker;
  private nextRequestId = 1;
  private store?: DurableStore;

  /**
   * `startLatencyMs` is the latency at start and what reset() returns to; likewise the
   * callback policy.
   */
  constructor(
    readonly tokenTtlSec: number,
    readonly startLatencyMs = 0,
    callbackPolicy: CallbackPolicy = DEFAULT_CALLBACK_POLICY,
  ) {
    this.latencyMs = startLatencyMs;
    this.callbacks = new CallbackRegistry(callbackPolicy);
    this.ticker = new CallbackTicker(this);
    this.reset();
  }

  reset(): void {
    this.clock.reset();
    this.latencyMs = this.startLatencyMs;
    this.inFlight.peak = this.inFlight.now;
    this.faults.clear();
    this.tokens.clear();
    this.meetings.clear();
    this.#handedOut.clear();
    this.requests = [];
    this.revoked.clear();
    this.calendars.reset();
    this.corps = new Map(SIM_CORPS.map((c) => [c.corpId, { ...c }]));
    this.rooms.reset(this.clock.nowSec(), SIM_CORPS[0]?.timeZone ?? "Asia/Shanghai");
    this.nextRequestId = 1;
    this.callbacks.reset();
    this.sender.reset();
    this.ticker.reset();
    this.changed();
  }

  attachStore(store: DurableStore | undefined): void {
    this.store = store;
  }

  /**
   * Call after changing durable state: a meeting, a revocation, corp settings, the clock
   * offset, a callback setting or a suite ticket. Tokens, faults, latency, the callback
   * policy and the request and callback logs are not durable.
   */
  changed(): void {
    this.store?.changed();
  }

  /** Resolves once the durable state is on disk (at once without a state file). */
  flush(): Promise<void> {
    return this.store?.flush() ?? Promise.resolve();
  }

  app(key: string): SimApp | undefined {
    return SIM_APPS.find((a) => a.key === key);
  }

  appBySuite(suiteId: string): SimApp | undefined {
    return SIM_APPS.find((a) => a.kind === "third_party" && a.suiteId === suiteId);
  }

  member(corpId: string, userid: string): SimMember | undefined {
    return this.corps.has(corpId) ? SIM_MEMBERS.find((m) => m.userid === userid) : undefined;
  }

  /** WeCom returns the same token while it is valid, and a fresh one once it is not. */
  issueToken(kind: SimToken["kind"], appKey: string): SimToken {
    const now = this.clock.nowSec();
    for (const t of this.tokens.values()) {
      if (t.kind === kind && t.appKey === appKey && !t.invalidated && t.expiresAt > now) return t;
    }
    const token: SimToken = {
      token: randomBytes(48).toString("base64url"),
      kind,
      appKey,
      expiresAt: now + this.tokenTtlSec,
      invalidated: false,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  /** Random, and drawn again on a clash with any stored meeting, restored ones included. */
  newMeetingIdentity(): Pick<SimMeeting, "meetingid" | "meeting_code" | "meeting_link"> {
    for (;;) {
      const id = {
        meetingid: `hy${randomBytes(18).toString("base64url")}`,
        meeting_code: String(randomInt(100_000_000, 1_000_000_000)),
        meeting_link: `https://meeting.tencent.com/dm/${randomBytes(9).toString("base64url")}`,
      };
      if (!this.clashes(id)) return id;
    }
  }

  private clashes(id: Pick<SimMeeting, "meetingid" | "meeting_code" | "meeting_link">): boolean {
    return (
      this.meetings.has(id.meetingid) ||
      this.#handedOut.has(`code:${id.meeting_code}`) ||
      this.#handedOut.has(`link:${id.meeting_link}`)
    );
  }

  /** Stores a meeting (booked or restored from disk), its code and link then taken. */
  addMeeting(m: SimMeeting): void {
    this.meetings.set(m.meetingid, m);
    this.#handedOut.add(`code:${m.meeting_code}`);
    this.#handedOut.add(`link:${m.meeting_link}`);
  }

  record(entry: Omit<RequestRecord, "id" | "time">): RequestRecord {
    const rec: RequestRecord = {
      id: this.nextRequestId++,
      time: new Date().toISOString(),
      ...entry,
    };
    this.requests.push(rec);
    // Bounded so a long-running demo does not grow without limit.
    if (this.requests.length > 5000) this.requests.splice(0, this.requests.length - 5000);
    return rec;
  }
}
