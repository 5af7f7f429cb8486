// Next.js calls register() once per server process: start the background jobs there
// (Node.js runtime only; the edge runtime has no database).
export async function register() {
  // NEXT_RUNTIME is set by Next itself, not configuration.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobs } = await import("./lib/jobs/scheduler");
  startJobs();
}
