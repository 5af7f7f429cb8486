// Prometheus scrape endpoint (lib/observability/metrics-endpoint.ts): bearer token from
// MEETBRIDGE_METRICS_TOKEN, 404 when unset. No session (proxy.ts lets it through). Under
// the cluster launcher the answer sums every worker (lib/server/cluster-metrics.ts).
import { db } from "@/lib/db/client";
import { env } from "@/lib/env.js";
import { metrics } from "@/lib/observability/metrics";
import { metricsResponse } from "@/lib/observability/metrics-endpoint";
import { launcherMetrics, underLauncher } from "@/lib/server/cluster-metrics";

export const dynamic = "force-dynamic";

// Across tenants, unlabelled: one count on the (tenantId, syncState) index, at each scrape.
metrics.collectors.awaitingReconciliation ??= () =>
  db.meeting.count({ where: { syncState: "needs_reconciliation" } });

export function GET(req: Request) {
  return metricsResponse(req, {
    token: env.MEETBRIDGE_METRICS_TOKEN,
    text: underLauncher() ? () => launcherMetrics() : undefined,
  });
}
