// What this instance's jobs did last, kept on globalThis (one per process): the readiness
// check reads when a tick last finished, the clean stop reads whether a step is running.
export interface JobState {
  /** When startJobs() ran in this process; null when jobs are off here. */
  startedAt: number | null;
  /** When the last tick of the jobs finished (whatever each job did). */
  lastTickEndedAt: number | null;
  /** Job steps running now (a tick, a retention batch): the clean stop waits for them. */
  running: number;
  /** Set on SIGTERM: no new tick starts. */
  stopping: boolean;
}

const globalForState = globalThis as unknown as { meetbridgeJobState?: JobState };

export const jobState: JobState = (globalForState.meetbridgeJobState ??= {
  startedAt: null,
  lastTickEndedAt: null,
  running: 0,
  stopping: false,
});
