// The load generator's HTTP client: node:http over kept-alive sockets. The benchmarks run
// the load, the server and the simulator on the same two cores, so whatever the load
// generator spends is taken from the server it measures. fetch (undici) costs about
// 1.5 ms of CPU per request here, node:http about 0.4 ms (/api/health, 3,000 requests at
// concurrency 20; docs/decisions/017).
import { Agent, request } from "node:http";

export interface LeanResponse {
  status: number;
  text: string;
}

export function leanHttp(maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return (
    url: string,
    init: { method: string; headers?: Record<string, string>; body?: string },
  ): Promise<LeanResponse> =>
    new Promise((resolve, reject) => {
      const req = request(url, { method: init.method, headers: init.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(init.body);
    });
}
