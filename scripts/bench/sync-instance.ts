// One "app instance" for scripts/bench/sync-two-instances.ts: runs the background jobs
// exactly as next start does (lib/jobs/scheduler.ts) for BENCH_RUN_MS, then exits.
import { startJobs } from "@/lib/jobs/scheduler.ts";

startJobs();
setTimeout(() => process.exit(0), Number(process.env.BENCH_RUN_MS ?? 10_000));
// startJobs' timers are unref'd; keep this process alive for the run.
setInterval(() => undefined, 1000);
