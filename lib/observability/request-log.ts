// One log line and one metric sample per HTTP request, for every route (pages, server
// actions, route handlers, the API, static files), written where Node itself sees the
// request begin (its http.server.request.start diagnostics channel) and the response close. Next.js's
// proxy cannot see the status or the duration of what it passes on, and onRequestError
// sees only failures, so this is the one place that sees all of them. The request id is
// set on the incoming request there, before Next reads it, so proxy.ts, pages and route
// handlers read it from the X-Request-Id header, and it goes back on the response.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { REQUEST_ID_HEADER, takeRequestNote } from "./request-context";
import { requestIdFrom } from "./request-id";
import { routeLabel } from "./route-label";

interface ServerEvent {
  request: IncomingMessage;
  response: ServerResponse;
}

const started = new WeakMap<IncomingMessage, number>();
/** Requests under way in this process: the clean stop waits for them (shutdown.ts). */
export const inFlight = { count: 0 };

function onStart(message: unknown): void {
  const { request, response } = message as ServerEvent;
  const id = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
  request.headers[REQUEST_ID_HEADER] = id;
  response.setHeader("X-Request-Id", id);
  started.set(request, performance.now());
  inFlight.count++;
  // "close" comes after the last byte, and also when the client went away first.
  response.once("close", () => onClose(request, response));
}

function onClose(request: IncomingMessage, response: ServerResponse): void {
  const begun = started.get(request);
  if (begun === undefined) return;
  started.delete(request);
  inFlight.count--;
  const id = String(request.headers[REQUEST_ID_HEADER]);
  const seconds = (performance.now() - begun) / 1000;
  const note = takeRequestNote(id);
  const path = request.url ?? "/";
  const status = response.statusCode;
  const route = note.route ?? routeLabel(path, status);
  metrics.httpRequests.inc({ route, method: request.method ?? "GET", status: String(status) });
  metrics.httpDuration.observe({ route }, seconds);
  // Static files and probes are counted, not logged: they would drown the rest.
  if (route === "/_next" || route === "/api/health" || route === "/api/ready") return;
  logger.info(
    {
      reqId: id,
      method: request.method,
      route,
      // The path without its query: a query may carry filters someone typed.
      path: path.split("?")[0],
      status,
      durationMs: Math.round(seconds * 1000),
      tenantId: note.tenantId,
      userId: note.userId,
      apiKeyName: note.apiKeyName,
      ...(response.writableFinished ? {} : { aborted: true }),
    },
    "request",
  );
}

const globalForRequestLog = globalThis as unknown as { meetbridgeRequestLog?: boolean };

/** Once per process (instrumentation.ts): logs and counts every HTTP request. */
export function startRequestLog(): void {
  if (globalForRequestLog.meetbridgeRequestLog) return;
  globalForRequestLog.meetbridgeRequestLog = true;
  subscribe("http.server.request.start", onStart);
}
