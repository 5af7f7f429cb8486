// The one Prometheus registry (prom-client), kept on globalThis so that a hot reload or a
// second import never registers a metric twice. Labels stay small: operation, errcode,
// outcome, job, route pattern and status; never an id, a tenant or a user.
//
// Under the cluster launcher (scripts/start.ts) every worker keeps its own registry and
// the launcher sums them for a scrape (lib/server/cluster-metrics.ts): prom-client's
// AggregatorRegistry listens here, in each worker, for the launcher's question.
import {
  AggregatorRegistry,
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
} from "prom-client";
import cluster from "node:cluster";

/** Values read on scrape, set by the module that can read them (the metrics route). */
export interface MetricCollectors {
  /** Meetings awaiting reconciliation, across tenants (one count in the database). */
  awaitingReconciliation?: () => Promise<number>;
}

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const collectors: MetricCollectors = {};
  if (cluster.isWorker) {
    new AggregatorRegistry(); // its listener answers the launcher with this registry
    AggregatorRegistry.setRegistries([registry]);
  }
  return {
    registry,
    collectors,
    wecomCallDuration: new Histogram({
      name: "meetbridge_wecom_call_duration_seconds",
      help: "WeCom API calls (each HTTP attempt) by operation and errcode (transport: no answer)",
      labelNames: ["operation", "errcode"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    bookings: new Counter({
      name: "meetbridge_bookings_total",
      help: "Bookings by outcome: booked, refused, needs_reconciliation, failed, replayed",
      labelNames: ["outcome"] as const,
      registers,
    }),
    awaitingReconciliation: new Gauge({
      name: "meetbridge_meetings_awaiting_reconciliation",
      help: "Meetings whose WeCom answer was lost, waiting for the reconcile sweep",
      registers,
      // Read from the database at each scrape by every worker that can (all read the same
      // count): the largest, not the sum. A worker that never served a scrape says 0.
      aggregator: "max",
      async collect() {
        const read = collectors.awaitingReconciliation;
        if (read) this.set(await read());
      },
    }),
    callbackEvents: new Counter({
      name: "meetbridge_callback_events_total",
      help: "WeCom callback events processed, by kind and outcome",
      labelNames: ["kind", "outcome"] as const,
      registers,
    }),
    callbackDelay: new Histogram({
      name: "meetbridge_callback_processing_delay_seconds",
      help: "From a callback event's receipt to the end of its processing",
      buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 300, 900],
      registers,
    }),
    jobLastSuccess: new Gauge({
      name: "meetbridge_job_last_success_timestamp_seconds",
      help: "When each background job last finished without error in this instance (unix time)",
      labelNames: ["job"] as const,
      registers,
      aggregator: "max",
    }),
    jobDuration: new Histogram({
      name: "meetbridge_job_duration_seconds",
      help: "How long each background job's run took in this instance",
      labelNames: ["job", "result"] as const,
      buckets: [0.01, 0.05, 0.25, 1, 5, 15, 60, 300],
      registers,
    }),
    httpRequests: new Counter({
      name: "meetbridge_http_requests_total",
      help: "HTTP requests answered, by route pattern, method and status",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "meetbridge_http_request_duration_seconds",
      help: "HTTP request durations by route pattern",
      labelNames: ["route"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
const globalForMetrics = globalThis as unknown as { meetbridgeMetrics?: Metrics };

export const metrics: Metrics = (globalForMetrics.meetbridgeMetrics ??= createMetrics());
