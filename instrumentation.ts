// Next.js calls register() once per server process: the request log, the background jobs
// and the clean stop start there (Node.js runtime only; the edge runtime has no database).
import type { Instrumentation } from "next";

export async function register() {
  // NEXT_RUNTIME is set by Next itself, not configuration.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startRequestLog } = await import("./lib/observability/request-log");
  startRequestLog();
  const { startJobs } = await import("./lib/jobs/scheduler");
  startJobs();
  const { installShutdown } = await import("./lib/observability/install-shutdown");
  installShutdown();
}

/** An error a page, action or route handler threw: one line, with the request id. */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger, errorText } = await import("./lib/observability/logger");
  const headers = request.headers as Record<string, string | string[] | undefined>;
  logger.error(
    {
      reqId: headers["x-request-id"],
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      digest: (err as { digest?: string }).digest,
      err: errorText(err),
    },
    "request failed",
  );
};
