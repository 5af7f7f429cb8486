// The HTTP API for OA and ESB flows (/api/v1): one Hono app built with @hono/zod-openapi,
// so routing, validation and the OpenAPI document come from the same zod schemas as the
// forms. Mounted by app/api/v1/[[...route]]/route.ts. Routes are thin: the key →
// tenant and role → lib/meetings. Every refusal is a problem document (problem.ts).
import { OpenAPIHono, type Hook } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import { env } from "@/lib/env.js";
import { meetingDeps, type MeetingDeps } from "@/lib/meetings/deps";
import { msg } from "@/lib/schemas/messages";
import { auditCall } from "./audit-call";
import type { ApiEnv } from "./context";
import { localeOf } from "./locale";
import { requireKey } from "./principal";
import { ApiProblem, PROBLEM_BASE, problemResponse, type FieldProblem } from "./problem";
import { rateLimit } from "./rate-limit";
import { directoryRoutes } from "./routes/directory";
import { docsRoutes } from "./routes/docs";
import { meetingReadRoutes } from "./routes/meetings-read";
import { meetingWriteRoutes } from "./routes/meetings-write";
import { occurrenceRoutes } from "./routes/occurrences";

export const API_BASE = "/api/v1";

export interface ApiAppOptions {
  deps?: MeetingDeps;
  /** Requests per key per minute (MEETBRIDGE_API_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: number;
}

/** Zod issues as field problems: a JSON pointer into the request, the schema's message. */
function fieldProblems(error: ZodError, target: string): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1"));
    const pointer = `${target === "json" ? "" : `/${target}`}/${path.join("/")}`;
    // A field left out, or of the wrong type, says what the form says of it.
    const message =
      issue.code === "invalid_type"
        ? issue.input === undefined
          ? msg("required")
          : msg("invalid")
        : issue.message;
    return { pointer, message };
  });
}

const validationHook: Hook<unknown, ApiEnv, string, unknown> = (result) => {
  if (result.success) return;
  throw new ApiProblem("validation", { errors: fieldProblems(result.error, result.target) });
};

export function createApiApp(opts: ApiAppOptions = {}) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).basePath(API_BASE);
  const perMinute = opts.rateLimitPerMinute ?? env.MEETBRIDGE_API_RATE_LIMIT_PER_MINUTE;

  app.use("*", async (c, next) => {
    c.set("locale", localeOf(c.req.header("accept-language")));
    c.set("deps", opts.deps ?? meetingDeps);
    await next();
  });

  docsRoutes(app);
  // Generated once, on first request (every route is registered by then).
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get("/openapi.json", (c) => c.json((document ??= app.getOpenAPI31Document(openApiConfig))));

  for (const path of ["/meetings", "/meetings/*", "/apps", "/accounts"]) {
    app.use(path, requireKey, auditCall, rateLimit(perMinute));
  }
  meetingReadRoutes(app);
  meetingWriteRoutes(app);
  occurrenceRoutes(app);
  directoryRoutes(app);

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
    console.error(`api ${c.req.method} ${c.req.path}: ${String(err)}`);
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
