// The one HTTP base of the WeCom client. Every attempt gets a timeout, is parsed with
// zod, has its errcode checked and is written to the call log, redacted. Retries are
// bounded and limited to what cannot book twice: errcodes that mean WeCom refused the
// request (-1, 45009, 45033) on any call, transport failures only on idempotent calls.
// Only allow-listed bases are called (base-url.ts), redirects are never followed, and
// at most MAX_BODY_BYTES of an answer is read (bounded-body.ts).
import type { z } from "zod";
import { logger } from "@/lib/observability/logger";
import { isAllowedWecomBaseUrl } from "./base-url.ts";
import { BodyTooLargeError, readBoundedText, truncatedForLog } from "./bounded-body.ts";
import {
  RETRIABLE_ERRCODES,
  WecomConfigError,
  WecomError,
  WecomTransportError,
  WecomUncertainError,
  type TransportFailure,
} from "./errors.ts";
import { redactBody, redactText, redactUrl } from "./redact.ts";
import { envelopeSchema } from "./schemas.ts";
import type { CallLogEntry, CallLogSink } from "./store/types.ts";
import type { WecomAppCredentials, WecomOperation } from "./types.ts";

export interface RetryPolicy {
  baseDelayMs: number;
  /** Attempts in all, the first included: 4 = at most 3 retries. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 300, maxAttempts: 4 };
const MAX_DELAY_MS = 10_000;

export interface HttpDeps {
  app: WecomAppCredentials;
  callLog: CallLogSink;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryPolicy;
}

export interface WecomRequest<S extends z.ZodType> {
  operation: WecomOperation;
  method: "GET" | "POST";
  /** Relative to the app's base URL, e.g. "meeting/create". */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema: S;
  /** Safe to send again after a timeout or a dropped connection (the answer was lost, not the effect). */
  idempotent: boolean;
  meetingId?: string;
  /** The token sent; also scrubbed from the log by value. */
  token?: string;
}

/** Shared by the attempts of one logical call, so a token refresh continues the count. */
export interface CallTrace {
  attempts: number;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so callers spread out. */
export function backoffMs(policy: RetryPolicy, retryIndex: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, policy.baseDelayMs * 2 ** retryIndex);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function credentialValues(app: WecomAppCredentials, token?: string): string[] {
  return [app.secret, app.suiteSecret, app.suiteTicket, app.permanentCode, token].filter(
    (v): v is string => typeof v === "string" && v.length > 0,
  );
}

function describeFetchError(err: unknown): { failure: TransportFailure; text: string } {
  if (err instanceof Error) {
    const timeout = err.name === "TimeoutError" || err.name === "AbortError";
    const cause =
      err.cause instanceof Error
        ? ` (${"code" in err.cause ? String(err.cause.code) : err.cause.message})`
        : "";
    return {
      failure: timeout ? "timeout" : "network",
      text: `${err.name}: ${err.message}${cause}`,
    };
  }
  return { failure: "network", text: String(err) };
}

function buildUrl(baseUrl: string, path: string, query: WecomRequest<z.ZodType>["query"]): string {
  const url = new URL(path, baseUrl);
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

async function writeLog(sink: CallLogSink, entry: CallLogEntry): Promise<void> {
  try {
    await sink.write(entry);
  } catch (err) {
    // Losing a log row must not turn a booked meeting into a failure; say so without data.
    logger.error(
      { operation: entry.operation, err: err instanceof Error ? err.name : "error" },
      "wecom call log write failed",
    );
  }
}

export async function wecomRequest<S extends z.ZodType>(
  deps: HttpDeps,
  req: WecomRequest<S>,
  trace: CallTrace = { attempts: 0 },
): Promise<z.output<S>> {
  const { app } = deps;
  // Before anything is built: a row pointing off the list is not sent its secret.
  if (!isAllowedWecomBaseUrl(app.baseUrl))
    throw new WecomConfigError(app.id, app.name, "baseUrl", "not_allowed");
  const origin = { operation: req.operation, appId: app.id, appName: app.name, appKind: app.kind };
  const secrets = credentialValues(app, req.token);
  const url = buildUrl(app.baseUrl, req.path, req.query);
  const body = req.body === undefined ? undefined : JSON.stringify(req.body);
  const base = {
    tenantId: app.tenantId,
    appId: app.id,
    meetingId: req.meetingId ?? null,
    operation: req.operation,
    method: req.method,
    url: redactUrl(url, secrets),
    requestBody: body === undefined ? null : redactBody(body, secrets),
  };
  const transportError = (failure: TransportFailure, detail: string, httpStatus: number | null) =>
    req.idempotent
      ? new WecomTransportError({ ...origin, failure, detail, httpStatus })
      : new WecomUncertainError({ ...origin, failure, detail, httpStatus });

  for (let retryIndex = 0; ; retryIndex++) {
    const attempt = ++trace.attempts;
    const canRetry = retryIndex + 1 < deps.retry.maxAttempts;
    const started = performance.now();
    const log = (fields: Partial<CallLogEntry>) =>
      writeLog(deps.callLog, {
        ...base,
        responseBody: null,
        httpStatus: null,
        errcode: null,
        errmsg: null,
        error: null,
        ...fields,
        attempt,
        durationMs: Math.round(performance.now() - started),
        createdAt: new Date(),
      });

    let status = 0;
    let text: string;
    try {
      const res = await deps.fetch(url, {
        method: req.method,
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(deps.timeoutMs),
        // WeCom never redirects: a redirect would carry the query (and its secret) elsewhere.
        redirect: "manual",
      });
      status = res.status;
      if (status >= 300 && status < 400) {
        await res.body?.cancel().catch(() => undefined);
        await log({ httpStatus: status, error: `redirect: HTTP ${status}, not followed` });
        throw new WecomTransportError({
          ...origin,
          failure: "http_status",
          detail: `HTTP ${status} (redirect, not followed)`,
          httpStatus: status,
        });
      }
      text = await readBoundedText(res);
    } catch (err) {
      if (err instanceof WecomTransportError) throw err;
      if (err instanceof BodyTooLargeError) {
        await log({
          httpStatus: status,
          responseBody: truncatedForLog(redactBody(err.head, secrets)),
          error: `invalid_response: ${err.message}`,
        });
        if (req.idempotent && canRetry) {
          await sleep(backoffMs(deps.retry, retryIndex));
          continue;
        }
        throw transportError("invalid_response", err.message, status);
      }
      const { failure, text: detail } = describeFetchError(err);
      const safeDetail = redactText(detail, secrets);
      await log({ error: safeDetail });
      if (req.idempotent && canRetry) {
        await sleep(backoffMs(deps.retry, retryIndex));
        continue;
      }
      throw transportError(failure, safeDetail, null);
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const responseBody =
      json === undefined ? truncatedForLog(redactBody(text, secrets)) : redactBody(text, secrets);
    const envelope = envelopeSchema.safeParse(json);
    if (status < 200 || status >= 300 || !envelope.success) {
      const failure: TransportFailure =
        status < 200 || status >= 300 ? "http_status" : "invalid_response";
      await log({ httpStatus: status, responseBody, error: `${failure}: HTTP ${status}` });
      // A 4xx is an answer (wrong URL, refused): the request did nothing, so even a
      // create may say so plainly. A 5xx or garbage may come from a proxy after WeCom acted.
      const definite = status >= 400 && status < 500;
      if (req.idempotent && canRetry && !definite) {
        await sleep(backoffMs(deps.retry, retryIndex));
        continue;
      }
      if (definite)
        throw new WecomTransportError({
          ...origin,
          failure,
          detail: `HTTP ${status}`,
          httpStatus: status,
        });
      throw transportError(failure, `HTTP ${status}`, status);
    }

    const errcode = envelope.data.errcode ?? 0;
    const errmsg = envelope.data.errmsg ?? "";
    await log({ httpStatus: status, responseBody, errcode, errmsg: redactText(errmsg, secrets) });
    if (errcode !== 0) {
      if (RETRIABLE_ERRCODES.has(errcode) && canRetry) {
        await sleep(backoffMs(deps.retry, retryIndex));
        continue;
      }
      throw new WecomError({ ...origin, errcode, errmsg: redactText(errmsg, secrets) });
    }

    const parsed = req.schema.safeParse(json);
    if (!parsed.success) {
      // errcode 0 but not the documented shape: for a create the meeting may exist
      // without a readable meetingid, so this is uncertain rather than a failure.
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw transportError("invalid_response", `unexpected response shape: ${issues}`, status);
    }
    return parsed.data;
  }
}
