// Prometheus scrape endpoint (lib/observability/metrics-endpoint.ts): bearer token from
// MEETBRIDGE_METRICS_TOKEN, 404 when unset. No session (proxy.ts lets it through).
import { db } from "@/lib/db/client";
import { env } from "@/lib/env.js";
import { metrics } from "@/lib/observability/metrics";
import { metricsResponse } from "@/lib/observability/metrics-endpoint";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return metricsResponse(req, {
    token: env.MEETBRIDGE_METRICS_TOKEN,
    async collect() {
      // Across tenants, unlabelled: one count on the (tenantId, syncState) index.
      const waiting = await db.meeting.count({ where: { syncState: "needs_reconciliation" } });
      metrics.awaitingReconciliation.set(waiting);
    },
  });
}
