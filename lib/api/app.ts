// The HTTP API for OA and ESB flows (/api/v1): one Hono app built with @hono/zod-openapi,
// so routing, validation and the OpenAPI document come from the same zod schemas as the
// forms. Mounted by app/api/v1/[[...route]]/route.ts. Routes are thin: the key →
// tenant and role → lib/meetings. Every refusal is a problem document (problem.ts).
import { OpenAPIHono, type Hook } from "@hono/zod-openapi";
import { routePath } from "hono/route";
import type { ZodError } from "zod";
import { env } from "@/lib/env.js";
import { meetingDeps, type MeetingDeps } from "@/lib/meetings/deps";
import { isMissing, msg } from "@/lib/schemas/messages";
import { auditCall } from "./audit-call";
import type { ApiEnv } from "./context";
import { logger, errorText } from "@/lib/observability/logger";
import { noteRequest, REQUEST_ID_HEADER } from "@/lib/observability/request-context";
import { localeOf } from "./locale";
import { requireKey } from "./principal";
import { ApiProblem, PROBLEM_BASE, problemResponse, type FieldProblem } from "./problem";
import { rateLimit } from "./rate-limit";
import { limitBody, requireJsonBody } from "./request-body";
import { batchRoutes } from "./routes/batches";
import { directoryRoutes } from "./routes/directory";
import { docsRoutes } from "./routes/docs";
import { meetingReadRoutes } from "./routes/meetings-read";
import { meetingWriteRoutes } from "./routes/meetings-write";
import { roomRoutes } from "./routes/rooms";
import { occurrenceRoutes } from "./routes/occurrences";

export const API_BASE = "/api/v1";

export interface ApiAppOptions {
  deps?: MeetingDeps;
  /** Requests per key per minute (MEETBRIDGE_API_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: number;
}

/** A field the edit form shows as fixed: naming it in a PATCH gets the form's words. */
const FIXED_FIELDS: Record<string, string> = {
  appId: msg("appFixed"),
  adminId: msg("adminFixed"),
  adminJobNumber: msg("adminFixed"),
};

/** A message key (lib/schemas/messages.ts), not zod's own English. */
const ENCODED = /^[A-Za-z]+(?:\|.*)?$/s;

/**
 * Zod issues as field problems: a JSON pointer into the request, the schema's message
 * (the form's; a type error says "required" only for a missing value: typeError()), and
 * one problem per unknown field.
 */
function fieldProblems(error: ZodError, target: string, input: unknown): FieldProblem[] {
  const at = (path: PropertyKey[]) =>
    `${target === "json" ? "" : `/${target}`}/${path
      .map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1"))
      .join("/")}`;
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          pointer: at([...issue.path, key]),
          message: Object.hasOwn(FIXED_FIELDS, key) ? FIXED_FIELDS[key]! : msg("unknownField"),
        }))
      : [
          {
            pointer: at(issue.path),
            message: ENCODED.test(issue.message)
              ? issue.message
              : // zod's own words (a wrapper such as .required() has no field message):
                // the same rule as typeError(), read from the request itself.
                msg(isMissing(valueAt(input, issue.path)) ? "required" : "invalid"),
          },
        ],
  );
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const validationHook: Hook<unknown, ApiEnv, string, unknown> = (result) => {
  if (result.success) return;
  const input = (result as { data?: unknown }).data;
  throw new ApiProblem("validation", {
    errors: fieldProblems(result.error, result.target, input),
  });
};

export function createApiApp(opts: ApiAppOptions = {}) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).basePath(API_BASE);
  const perMinute = opts.rateLimitPerMinute ?? env.MEETBRIDGE_API_RATE_LIMIT_PER_MINUTE;

  app.use("*", async (c, next) => {
    c.set("locale", localeOf(c.req.header("accept-language")));
    c.set("deps", opts.deps ?? meetingDeps);
    await next();
    // The request's log line and metrics (lib/observability/request-log.ts): the route's
    // pattern rather than its path, and the key (by name) and its tenant.
    const p = c.get("principal") as ApiEnv["Variables"]["principal"] | undefined;
    noteRequest(c.req.header(REQUEST_ID_HEADER), {
      route: routePath(c, -1).includes("*") ? undefined : routePath(c, -1),
      tenantId: p?.tenant.id,
      apiKeyName: p?.tokenName,
    });
  });
  // Before the key is looked up: a huge or non-JSON body is not read at all.
  app.use("*", limitBody, requireJsonBody);

  docsRoutes(app);
  // Generated once, on first request (every route is registered by then).
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get("/openapi.json", (c) => c.json((document ??= app.getOpenAPI31Document(openApiConfig))));

  // "/x/*" covers "/x" too in Hono: listing both ran the key check, the rate limit and
  // the audit twice on every such request (two budget points, four writes; decision 017).
  // The limit first: a request over it is refused without an audit row, or a flood of
  // them would write one each.
  for (const path of ["/meetings/*", "/batches/*", "/apps", "/accounts", "/rooms"]) {
    app.use(path, requireKey, rateLimit(perMinute), auditCall);
  }
  meetingReadRoutes(app);
  meetingWriteRoutes(app);
  occurrenceRoutes(app);
  directoryRoutes(app);
  batchRoutes(app);
  roomRoutes(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API key from Settings → API (`mbk_…`), as `Authorization: Bearer mbk_…`",
  });

  app.notFound((c) =>
    problemResponse(
      c,
      new ApiProblem("not-found", {
        detail: msg("routeNotFound", { method: c.req.method, path: c.req.path }),
      }),
      c.get("locale") ?? "zh-CN",
    ),
  );
  app.onError((err, c) => {
    const locale = c.get("locale") ?? "zh-CN";
    if (err instanceof ApiProblem) return problemResponse(c, err, locale);
    if (err instanceof SyntaxError || (err as { status?: number }).status === 400)
      return problemResponse(c, new ApiProblem("malformed-request"), locale);
    // Never a stack trace to the caller; one line for the operator.
    logger.error(
      {
        reqId: c.req.header(REQUEST_ID_HEADER),
        method: c.req.method,
        path: c.req.path,
        err: errorText(err),
      },
      "api request failed",
    );
    return problemResponse(c, new ApiProblem("internal"), locale);
  });
  return app;
}

export const openApiConfig = {
  openapi: "3.1.0",
  info: {
    title: "MeetBridge API",
    version: "1.0.0",
    description:
      "Book, update, cancel and read WeCom meetings from OA and ESB flows, with the same " +
      "rules and messages as the booking form. Errors are RFC 9457 problem documents " +
      `(types under ${PROBLEM_BASE}); messages in zh-CN or en by Accept-Language.`,
  },
  servers: [{ url: "/" }],
  security: [{ bearer: [] }],
};

export type ApiApp = ReturnType<typeof createApiApp>;
