// A stand-in for `next start` under the launcher's tests (lib/server/cluster.test.ts): an
// HTTP server on the port it is given, counting its requests in MeetBridge's registry
// (lib/observability/metrics.ts, which answers the launcher's metrics question), with a
// clean stop on SIGTERM that lets a request under way finish.
//   GET /pid: this worker's pid and MEETBRIDGE_JOBS; GET /slow: answers after 400 ms;
//   GET /die: the process exits with 3; GET /metrics: every worker's, through the launcher.
import { createServer } from "node:http";
import { env } from "@/lib/env.js";
import { metrics } from "@/lib/observability/metrics";
import { launcherMetrics } from "../cluster-metrics";

const port = Number(process.argv[2]);
const server = createServer((req, res) => {
  metrics.httpRequests.inc({ route: req.url ?? "", method: "GET", status: "200" });
  if (req.url === "/die") process.exit(3);
  if (req.url === "/slow") {
    setTimeout(() => res.end("slow done"), 400);
    return;
  }
  if (req.url === "/metrics") {
    launcherMetrics().then(
      (text) => res.end(text),
      (err: Error) => res.writeHead(500).end(err.message),
    );
    return;
  }
  res.end(JSON.stringify({ pid: process.pid, jobs: String(env.MEETBRIDGE_JOBS) }));
});
server.keepAliveTimeout = 1;
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
