// Errors the WeCom client throws. A caller tells them apart with instanceof:
// - WecomError: WeCom answered with a non-zero errcode (the request was refused).
// - WecomTransportError: no usable answer (timeout, dropped connection, HTTP error,
//   a body that is not what the API documents) on a call that is safe to repeat.
// - WecomUncertainError: the same, on a call that changes state (create), so nobody
//   knows whether WeCom acted on it. The caller must reconcile, never blindly resend.
// - WecomConfigError: the app row lacks a credential its kind needs.
import type { WecomAppKind, WecomOperation } from "./types.ts";

export const ERRCODE = {
  systemBusy: -1,
  invalidSecret: 40001,
  invalidCorpId: 40013,
  invalidToken: 40014,
  invalidUserId: 40031,
  invalidParameter: 40035,
  invalidParameter2: 40058,
  tokenExpired: 42001,
  suiteTokenExpired: 42009,
  /** Not in the API doc's table; WeCom's "invalid suite_access_token", the suite twin of 40014. */
  invalidSuiteToken: 40082,
  // Not in the API doc's table either: what token fetches and agent/get answer to a wrong
  // credential, each naming the field to fix (the app settings form shows it there).
  invalidAgentId: 40056,
  invalidSuiteId: 40083,
  invalidPermanentCode: 40084,
  invalidSuiteTicket: 40085,
  rateLimited: 45009,
  concurrencyLimited: 45033,
  apiForbidden: 48002,
  authorisationRevoked: 48004,
  outOfRange: 50002,
  outOfRange2: 60011,
  ipNotAllowed: 60020,
  userNotFound: 60111,
} as const;

/** Refused by WeCom for load reasons: safe to send again after a pause, even a create. */
export const RETRIABLE_ERRCODES: ReadonlySet<number> = new Set([
  ERRCODE.systemBusy,
  ERRCODE.rateLimited,
  ERRCODE.concurrencyLimited,
]);

/** The access_token was refused: drop it, fetch another, send the call once more. */
export const CORP_TOKEN_ERRCODES: ReadonlySet<number> = new Set([
  ERRCODE.invalidToken,
  ERRCODE.tokenExpired,
]);

export const SUITE_TOKEN_ERRCODES: ReadonlySet<number> = new Set([
  ERRCODE.suiteTokenExpired,
  ERRCODE.invalidSuiteToken,
]);

interface ErrorOrigin {
  operation: WecomOperation;
  appId: string;
  appName: string;
  appKind: WecomAppKind;
}

export class WecomError extends Error {
  override readonly name = "WecomError";
  readonly errcode: number;
  readonly errmsg: string;
  readonly operation: WecomOperation;
  readonly appId: string;
  readonly appName: string;
  readonly appKind: WecomAppKind;
  /** True when sending the same request later may succeed (-1, 45009, 45033). */
  readonly retriable: boolean;

  constructor(origin: ErrorOrigin & { errcode: number; errmsg: string }) {
    super(`WeCom ${origin.operation} failed: errcode ${origin.errcode} (${origin.errmsg})`);
    this.errcode = origin.errcode;
    this.errmsg = origin.errmsg;
    this.operation = origin.operation;
    this.appId = origin.appId;
    this.appName = origin.appName;
    this.appKind = origin.appKind;
    this.retriable = RETRIABLE_ERRCODES.has(origin.errcode);
  }
}

export type TransportFailure = "timeout" | "network" | "http_status" | "invalid_response";

export class WecomTransportError extends Error {
  override readonly name: string = "WecomTransportError";
  readonly failure: TransportFailure;
  readonly operation: WecomOperation;
  readonly appId: string;
  readonly appName: string;
  readonly appKind: WecomAppKind;
  readonly httpStatus: number | null;
  /** Transport failures are worth another try later on a call that is safe to repeat. */
  readonly retriable: boolean = true;

  constructor(
    origin: ErrorOrigin & { failure: TransportFailure; detail: string; httpStatus?: number | null },
  ) {
    super(`WeCom ${origin.operation}: ${origin.failure} (${origin.detail})`);
    this.failure = origin.failure;
    this.operation = origin.operation;
    this.appId = origin.appId;
    this.appName = origin.appName;
    this.appKind = origin.appKind;
    this.httpStatus = origin.httpStatus ?? null;
  }
}

/**
 * A state-changing call whose outcome is unknown: the request may or may not have
 * reached WeCom and taken effect. Never resend it blindly; look the result up first.
 */
export class WecomUncertainError extends WecomTransportError {
  override readonly name = "WecomUncertainError";
  override readonly retriable = false;
}

export class WecomConfigError extends Error {
  override readonly name = "WecomConfigError";
  readonly appId: string;
  readonly appName: string;
  /** The credential that is missing, e.g. "secret" or "suiteTicket". */
  readonly field: string;
  /** "missing": the app has no such credential; "not_allowed": its base URL is off the allow-list. */
  readonly reason: "missing" | "not_allowed";

  constructor(
    appId: string,
    appName: string,
    field: string,
    reason: "missing" | "not_allowed" = "missing",
  ) {
    super(
      reason === "missing"
        ? `WeCom app ${appId} has no ${field}`
        : `WeCom app ${appId}: ${field} is not an allowed WeCom address`,
    );
    this.appId = appId;
    this.appName = appName;
    this.field = field;
    this.reason = reason;
  }
}

export function isWecomErrcode(err: unknown, ...codes: number[]): err is WecomError {
  return err instanceof WecomError && codes.includes(err.errcode);
}
