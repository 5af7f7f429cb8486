// Every refusal of the HTTP API is an RFC 9457 problem document: a stable `type` URI per
// kind of error (documented in docs/decisions/012-http-api.md and the OpenAPI document),
// a title and detail in the caller's language (Accept-Language), field errors as JSON
// pointers with the booking form's own messages, and WeCom's errcode where WeCom refused.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Locale } from "@/lib/i18n/config";
import { msg } from "@/lib/schemas/messages";
import { apiTexts } from "./translate";

export const PROBLEM_BASE = "https://meetbridge.dev/problems/";

/** Each problem type and the HTTP status it always comes with. */
export const PROBLEM_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  "malformed-request": 400,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  validation: 422,
  "wecom-refused": 422,
  "idempotency-key-reused": 422,
  "meeting-not-editable": 409,
  "edit-conflict": 409,
  "idempotency-in-progress": 409,
  "precondition-failed": 412,
  "rate-limited": 429,
  "wecom-unavailable": 502,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ProblemType = keyof typeof PROBLEM_STATUS;

/** A field error: where in the request (a JSON pointer) and an encoded message. */
export interface FieldProblem {
  pointer: string;
  message: string;
}

export interface ProblemInit {
  /** An encoded message (lib/schemas/messages.ts); defaults to the type's own detail. */
  detail?: string;
  errors?: FieldProblem[];
  wecomErrcode?: number;
  /** The meeting concerned (a booking kept while WeCom is unreachable, say). */
  meetingId?: string;
  retryAfterSec?: number;
  /** The meeting's version now (412). */
  currentVersion?: number;
}

/** Thrown anywhere under the app; app.onError answers it as a problem document. */
export class ApiProblem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly init: ProblemInit = {},
  ) {
    super(type);
  }
  get status(): ContentfulStatusCode {
    return PROBLEM_STATUS[this.type];
  }
}

const DEFAULT_DETAIL: Partial<Record<ProblemType, string>> = {
  unauthorized: "unauthorized",
  "not-found": "notFound",
  "malformed-request": "malformedJson",
  "payload-too-large": "payloadTooLarge",
  "unsupported-media-type": "unsupportedMediaType",
  "idempotency-key-reused": "idempotencyKeyReused",
  "idempotency-in-progress": "idempotencyInProgress",
  "wecom-unavailable": "wecomUnreachable",
  internal: "internal",
};

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { pointer: string; detail: string }[];
  wecomErrcode?: number;
  meetingId?: string;
  currentVersion?: number;
}

export function problemDocument(
  problem: ApiProblem,
  locale: Locale,
  instance?: string,
): ProblemDocument {
  const t = apiTexts(locale);
  const { init } = problem;
  const detail =
    init.detail ??
    (init.errors?.length ? msg("validation", { count: init.errors.length }) : undefined) ??
    DEFAULT_DETAIL[problem.type] ??
    "unexpected";
  return {
    type: PROBLEM_BASE + problem.type,
    title: t.title(problem.type),
    status: problem.status,
    detail: t.message(detail),
    ...(instance ? { instance } : {}),
    ...(init.errors?.length
      ? { errors: init.errors.map((e) => ({ pointer: e.pointer, detail: t.message(e.message) })) }
      : {}),
    ...(init.wecomErrcode !== undefined ? { wecomErrcode: init.wecomErrcode } : {}),
    ...(init.meetingId ? { meetingId: init.meetingId } : {}),
    ...(init.currentVersion !== undefined ? { currentVersion: init.currentVersion } : {}),
  };
}

/** The problem as a response: application/problem+json, with its headers. */
export function problemResponse(c: Context, problem: ApiProblem, locale: Locale): Response {
  const doc = problemDocument(problem, locale, c.req.path);
  const headers: Record<string, string> = {
    "content-type": "application/problem+json",
    "content-language": locale,
  };
  if (problem.type === "unauthorized") headers["www-authenticate"] = 'Bearer realm="meetbridge"';
  if (problem.init.retryAfterSec !== undefined)
    headers["retry-after"] = String(problem.init.retryAfterSec);
  return new Response(JSON.stringify(doc), { status: problem.status, headers });
}
