// Where the simulator calls back, and the suite tickets it has issued: the data callback
// of an app (corpid + agentid; receiver id = corpid) and the instruction callback of a
// third-party suite (receiver id = suite id), each with its URL, Token and EncodingAESKey.
// Durable (persistence.ts) like the rest of what WeCom itself keeps; the delivery policy
// (timeout, attempts, pause between them, ticket interval) is test support and is not.
import { randomBytes } from "node:crypto";
import type { CallbackKeys } from "../callback-crypto.ts";

export interface CallbackConfig extends CallbackKeys {
  url: string;
  /** Simulator clock, seconds: when it was last set. */
  configuredAt: number;
}

export interface AppCallback extends CallbackConfig {
  corpId: string;
  agentId: number;
}

export interface SuiteCallback extends CallbackConfig {
  suiteId: string;
}

export interface IssuedSuiteTicket {
  suiteId: string;
  ticket: string;
  /** Simulator clock, seconds. */
  issuedAt: number;
}

export interface CallbackPolicy {
  /** No "success" within this long: the attempt failed (WeCom: 5 s). */
  timeoutMs: number;
  /** Attempts per event, the first included (WeCom: 3). */
  attempts: number;
  /** Pause after a failed attempt before the next, ms. */
  retryDelayMs: number;
  /** Seconds of simulator clock between two suite_ticket pushes (WeCom: 600). */
  suiteTicketIntervalSec: number;
  /** Requests on the wire at once; more wait their turn (the timeout starts when one is sent). */
  maxInFlight: number;
}

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = {
  timeoutMs: 5_000,
  attempts: 3,
  retryDelayMs: 1_000,
  suiteTicketIntervalSec: 600,
  maxInFlight: 32,
};

/** A suite ticket is accepted this long after it was pushed (WeCom: 30 minutes). */
export const SUITE_TICKET_TTL_SEC = 30 * 60;
/** Tickets kept per suite: more than a 30-minute window ever needs at WeCom's interval. */
const TICKETS_KEPT = 20;

export const appCallbackKey = (corpId: string, agentId: number) => `${corpId}:${agentId}`;

export class CallbackRegistry {
  apps = new Map<string, AppCallback>();
  suites = new Map<string, SuiteCallback>();
  tickets: IssuedSuiteTicket[] = [];
  policy: CallbackPolicy;

  constructor(readonly startPolicy: CallbackPolicy = DEFAULT_CALLBACK_POLICY) {
    this.policy = { ...startPolicy };
  }

  reset(): void {
    this.apps.clear();
    this.suites.clear();
    this.tickets = [];
    this.policy = { ...this.startPolicy };
  }

  app(corpId: string, agentId: number): AppCallback | undefined {
    return this.apps.get(appCallbackKey(corpId, agentId));
  }

  setApp(config: AppCallback): void {
    this.apps.set(appCallbackKey(config.corpId, config.agentId), config);
  }

  issueTicket(suiteId: string, now: number): IssuedSuiteTicket {
    const ticket: IssuedSuiteTicket = {
      suiteId,
      ticket: `sim-suite-ticket-${randomBytes(18).toString("base64url")}`,
      issuedAt: now,
    };
    const others = this.tickets.filter((t) => t.suiteId !== suiteId);
    const mine = [...this.tickets.filter((t) => t.suiteId === suiteId), ticket];
    this.tickets = [...others, ...mine.slice(-TICKETS_KEPT)];
    return ticket;
  }

  /**
   * get_suite_token's check: a ticket pushed within the last 30 minutes. The seeded ticket
   * stands for one pushed before the simulator started: good while the suite has no
   * callback (nothing could replace it), and for 30 minutes after the callback was set.
   */
  acceptsTicket(suite: { suiteId: string; seededTicket?: string }, ticket: string, now: number) {
    const fresh = (at: number) => now - at <= SUITE_TICKET_TTL_SEC;
    if (suite.seededTicket !== undefined && ticket === suite.seededTicket) {
      const config = this.suites.get(suite.suiteId);
      if (!config || fresh(config.configuredAt)) return true;
    }
    return this.tickets.some(
      (t) => t.suiteId === suite.suiteId && t.ticket === ticket && fresh(t.issuedAt),
    );
  }
}
