// A scrape under the cluster launcher (scripts/start.ts): the worker that received it asks
// the launcher, which gathers every worker's registry through prom-client's
// AggregatorRegistry and answers with their sum; so a scraper sees the whole instance
// whichever worker it reached. Outside the launcher there is nothing to ask.
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { AggregatorRegistry } from "prom-client";

export const METRICS_REQUEST = "meetbridge:metrics-request";
export const METRICS_ANSWER = "meetbridge:metrics-answer";

interface MetricsRequest {
  type: typeof METRICS_REQUEST;
  id: string;
}
interface MetricsAnswer {
  type: typeof METRICS_ANSWER;
  id: string;
  text?: string;
  error?: string;
}

const isAnswer = (m: unknown): m is MetricsAnswer =>
  typeof m === "object" && m !== null && (m as MetricsAnswer).type === METRICS_ANSWER;

/** Whether this process is a worker of the launcher, which can answer for all of them. */
export function underLauncher(): boolean {
  return cluster.isWorker && typeof process.send === "function";
}

/** The metrics of every worker, summed by the launcher; fails after `timeoutMs`. */
export function launcherMetrics(timeoutMs = 6000): Promise<string> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (!isAnswer(m) || m.id !== id) return;
      done();
      if (m.text !== undefined) resolve(m.text);
      else reject(new Error(`the launcher could not gather the metrics: ${m.error}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error("the launcher did not answer for the metrics"));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      process.off("message", onMessage);
    };
    process.on("message", onMessage);
    process.send!({ type: METRICS_REQUEST, id } satisfies MetricsRequest);
  });
}

/** In the launcher: answers each worker's request with every worker's metrics summed. */
export function answerMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, m: unknown) => {
    const request = m as Partial<MetricsRequest> | null;
    if (request?.type !== METRICS_REQUEST || typeof request.id !== "string") return;
    const id = request.id;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: METRICS_ANSWER, id, text }),
      (err: unknown) =>
        worker.isConnected() &&
        worker.send({ type: METRICS_ANSWER, id, error: String((err as Error).message ?? err) }),
    );
  });
}
