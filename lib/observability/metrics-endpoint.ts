// GET /api/metrics: the registry in Prometheus text format, for a scraper holding the
// bearer token MEETBRIDGE_METRICS_TOKEN. No token configured: the endpoint does not exist
// (404), so nothing about the instance shows. The token is compared in constant time
// (both sides hashed first, so their lengths say nothing either).
import { createHash, timingSafeEqual } from "node:crypto";
import { metrics } from "./metrics";

const digest = (s: string) => createHash("sha256").update(s).digest();

export function bearerMatches(header: string | null, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token));
}

export interface MetricsEndpointDeps {
  token: string | undefined;
  /** The text to answer: this process's registry, or every worker's under the launcher. */
  text?: () => Promise<string>;
}

export async function metricsResponse(req: Request, deps: MetricsEndpointDeps): Promise<Response> {
  if (!deps.token) return new Response("Not Found", { status: 404 });
  if (!bearerMatches(req.headers.get("authorization"), deps.token))
    return new Response("Unauthorized", {
      status: 401,
      headers: { "www-authenticate": 'Bearer realm="metrics"' },
    });
  const text = deps.text ? await deps.text() : await metrics.registry.metrics();
  return new Response(text, {
    headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
  });
}
