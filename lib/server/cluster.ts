// The launcher's primary process (scripts/start.ts): several MeetBridge workers on one
// machine, each a `next start` sharing the port through node:cluster, as several app
// instances are on several machines. What one instance does alone it still does alone:
// - the background jobs run in worker 1 only (they take their leases anyway);
// - a scrape of /api/metrics, whichever worker gets it, answers for all of them
//   (lib/server/cluster-metrics.ts);
// - SIGTERM (or SIGINT) goes to every worker, which stops cleanly as one instance does
//   (lib/observability/shutdown.ts); the launcher exits when the last has, or kills
//   what is left after the stop timeout and a margin;
// - a worker that dies after it served is started again, sooner or later after a
//   quick repeat; one that dies before it ever listened (a port taken, a bad setting)
//   stops the whole launcher with an error, as a single `next start` would.
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import { answerMetricsRequests } from "./cluster-metrics";

export interface ClusterOptions {
  workers: number;
  /** The worker's program and its arguments, e.g. next's bin and ["start", "-p", "3000"]. */
  exec: string;
  args: string[];
  /** Node's flags for the workers (default none: the launcher's own loader stays out). */
  execArgv?: string[];
  /** Whether worker 1 runs the background jobs (MEETBRIDGE_JOBS). */
  jobs: boolean;
  /** How long a worker may take to stop before it is killed. */
  stopTimeoutMs: number;
  log: Logger;
  /** Called once the launcher is done, with its exit code (tests: instead of exiting). */
  exit?: (code: number) => void;
}

export interface RunningCluster {
  /** Resolves once every worker listens. */
  ready: Promise<void>;
  stop(signal?: NodeJS.Signals): void;
}

const RESTART_MIN_MS = 500;
const RESTART_MAX_MS = 30_000;
/** A worker that lived this long before it died is restarted without delay. */
const STABLE_MS = 60_000;

export function startCluster(opts: ClusterOptions): RunningCluster {
  const { log } = opts;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  cluster.setupPrimary({ exec: opts.exec, args: opts.args, execArgv: opts.execArgv ?? [] });
  answerMetricsRequests();

  let stopping = false;
  let exitCode = 0;
  const slots = new Map<number, { worker: Worker; startedAt: number; listened: boolean }>();
  const delays = new Map<number, number>();
  let readyCount = 0;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const fork = (slot: number) => {
    const worker = cluster.fork({
      MEETBRIDGE_JOBS: opts.jobs && slot === 1 ? "true" : "false",
      NEXT_MANUAL_SIG_HANDLE: "true",
    });
    const entry = { worker, startedAt: Date.now(), listened: false };
    slots.set(slot, entry);
    worker.on("listening", () => {
      if (entry.listened) return;
      entry.listened = true;
      if (++readyCount === opts.workers) {
        log.info({ workers: opts.workers }, "every worker listens");
        markReady();
      }
    });
    worker.on("exit", (code, signal) => {
      if (slots.get(slot)?.worker === worker) slots.delete(slot);
      if (stopping) {
        log.info({ worker: slot, code, signal }, "worker stopped");
        // The last worker's exit ends the launcher, with an error if the stop was one.
        if (slots.size === 0) exit(exitCode);
        return;
      }
      if (!entry.listened) {
        log.error({ worker: slot, code, signal }, "worker stopped before it listened: stopping");
        stop("SIGTERM", 1);
        return;
      }
      const lived = Date.now() - entry.startedAt;
      const delay =
        lived >= STABLE_MS
          ? 0
          : Math.min(RESTART_MAX_MS, Math.max(RESTART_MIN_MS, (delays.get(slot) ?? 0) * 2));
      delays.set(slot, delay);
      log.error({ worker: slot, code, signal, restartInMs: delay }, "worker died: restarting");
      // Not unref'd: with no worker left, this timer is what keeps the launcher alive.
      setTimeout(() => {
        if (!stopping) fork(slot);
      }, delay);
    });
  };

  const stop = (signal: NodeJS.Signals = "SIGTERM", code = 0) => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    log.info({ signal, workers: slots.size }, "stopping every worker");
    if (slots.size === 0) {
      exit(exitCode);
      return;
    }
    for (const { worker } of slots.values()) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const { worker } of slots.values()) {
        log.warn({ pid: worker.process.pid }, "worker did not stop in time: killed");
        worker.process.kill("SIGKILL");
      }
    }, opts.stopTimeoutMs).unref();
  };

  for (let slot = 1; slot <= opts.workers; slot++) fork(slot);
  return { ready, stop: (signal) => stop(signal) };
}
