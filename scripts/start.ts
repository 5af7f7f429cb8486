// `npm run start`: MeetBridge in production, as MEETBRIDGE_WORKERS workers (each a
// `next start` on the same port; lib/server/cluster.ts). Arguments go to `next start`
// (e.g. `npm run start -- -H 0.0.0.0 -p 3000`). The settings are checked here first, so a
// bad value stops the start with its message before any worker runs.
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { env } from "@/lib/env.js";
import { logger } from "@/lib/observability/logger";
import { startCluster } from "@/lib/server/cluster";

const workers = env.MEETBRIDGE_WORKERS === "auto" ? availableParallelism() : env.MEETBRIDGE_WORKERS;
const running = startCluster({
  workers,
  exec: createRequire(import.meta.url).resolve("next/dist/bin/next"),
  args: ["start", ...process.argv.slice(2)],
  jobs: env.MEETBRIDGE_JOBS,
  // Each worker has MEETBRIDGE_SHUTDOWN_TIMEOUT_SECONDS to finish; then a margin to exit.
  stopTimeoutMs: (env.MEETBRIDGE_SHUTDOWN_TIMEOUT_SECONDS + 10) * 1000,
  log: logger.child({ component: "launcher" }),
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => running.stop(signal));
