// One run of a background job as the operator sees it: a duration sample, the time of its
// last success (an alert fires when that grows old), and a log line when it fails. A run
// that found the lease taken (another instance has it this round) is not a run here.
import { errorText, logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

export const jobLog = logger.child({ component: "jobs" });

export async function observeJob(name: string, run: () => Promise<unknown>): Promise<void> {
  const job = name.replace(/^jobs:/, "");
  const started = performance.now();
  try {
    const result = await run();
    if (result === "busy") return;
    metrics.jobDuration.observe({ job, result: "ok" }, (performance.now() - started) / 1000);
    metrics.jobLastSuccess.set({ job }, Date.now() / 1000);
  } catch (err) {
    metrics.jobDuration.observe({ job, result: "error" }, (performance.now() - started) / 1000);
    jobLog.error({ job, err: errorText(err) }, "job failed");
  }
}
