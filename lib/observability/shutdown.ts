// A clean stop. `next start` alone closes the HTTP server on SIGTERM, waits for the
// requests under way and exits; it knows nothing of the background jobs, so a job step
// (a reconcile that books again, a sync write) would be cut in the middle. MeetBridge
// starts Next with NEXT_MANUAL_SIG_HANDLE=true (package.json, demo.sh, e2e-server.sh:
// Next's documented way to hand the signal over) and does it all here, in order:
//   1. stopping: readiness answers 503 (the load balancer drains), no job tick starts,
//      the retention sweep stops between batches;
//   2. the HTTP server stops accepting and closes idle connections;
//   3. it waits, at most MEETBRIDGE_SHUTDOWN_TIMEOUT_SECONDS, for the requests under way
//      (a booking's WeCom answer gets recorded), the job step under way and the callback
//      work after answers;
//   4. it hands back its leases, closes the database and exits.
// What the bound cuts short, the reconcile and callback sweeps of another instance finish.
import type { Server } from "node:http";
import { subscribe } from "node:diagnostics_channel";
import { errorText, logger } from "./logger";

export interface ShutdownDeps {
  timeoutMs: number;
  /** Work under way: requests, job steps, callback work. */
  pending: () => { requests: number; jobs: number; callbacks: number };
  /** Marks the instance stopping (readiness, jobs). */
  markStopping: () => void;
  releaseLeases: () => Promise<number>;
  disconnect: () => Promise<void>;
  exit: (code: number) => void;
  pollMs?: number;
}

const servers = new Set<Server>();

/** The HTTP servers of this process, as Node reports them with each request. */
export function trackServers(): void {
  subscribe("http.server.request.start", (message) => {
    const { server } = message as { server?: Server };
    if (server) servers.add(server);
  });
}

function closeServers(): void {
  for (const server of servers) {
    server.close();
    // Keep-alive connections with no request in flight would hold close() open.
    server.closeIdleConnections();
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function shutdown(signal: string, deps: ShutdownDeps): Promise<void> {
  const started = Date.now();
  const log = logger.child({ component: "shutdown", signal });
  deps.markStopping();
  closeServers();
  log.info({ pending: deps.pending() }, "stopping: no new jobs, finishing work under way");
  let pending = deps.pending();
  while (pending.requests + pending.jobs + pending.callbacks > 0) {
    if (Date.now() - started > deps.timeoutMs) {
      log.warn({ pending }, "stop timeout: leaving the rest to the other instances' sweeps");
      break;
    }
    await sleep(deps.pollMs ?? 100);
    for (const server of servers) server.closeIdleConnections();
    pending = deps.pending();
  }
  try {
    const released = await deps.releaseLeases();
    await deps.disconnect();
    log.info({ released, ms: Date.now() - started }, "stopped");
  } catch (err) {
    log.error({ err: errorText(err) }, "stop: could not release leases");
  }
  logger.flush();
  deps.exit(0);
}
