// Wires the clean stop (shutdown.ts) to this process's signals, its requests, jobs,
// callback work, leases and database. Called once from instrumentation.ts.
import "server-only";
import { pendingAfterAck } from "@/lib/callbacks/after-ack";
import { db } from "@/lib/db/client";
import { releaseAllLeases } from "@/lib/db/lease";
import { env } from "@/lib/env.js";
import { jobState } from "@/lib/jobs/job-state";
import { logger } from "./logger";
import { inFlight } from "./request-log";
import { shutdown, trackServers } from "./shutdown";

const globalForShutdown = globalThis as unknown as { meetbridgeShutdown?: boolean };

export function installShutdown(): void {
  if (globalForShutdown.meetbridgeShutdown) return;
  globalForShutdown.meetbridgeShutdown = true;
  if (!env.NEXT_MANUAL_SIG_HANDLE) {
    // Plain `next start`: Next drains requests and exits; a job step may be cut short.
    logger.info("SIGTERM left to Next.js (start with npm run start for a clean stop of the jobs)");
    return;
  }
  trackServers();
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void shutdown(signal, {
      timeoutMs: env.MEETBRIDGE_SHUTDOWN_TIMEOUT_SECONDS * 1000,
      pending: () => ({
        requests: inFlight.count,
        jobs: jobState.running,
        callbacks: pendingAfterAck(),
      }),
      markStopping: () => {
        jobState.stopping = true;
      },
      releaseLeases: releaseAllLeases,
      disconnect: () => db.$disconnect(),
      exit: (code) => process.exit(code),
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
