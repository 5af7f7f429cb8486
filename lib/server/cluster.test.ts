// The launcher (lib/server/cluster.ts) with stand-in workers (testing/fixture-worker.ts):
// one port served by every worker, one scrape that counts them all, a dead worker
// replaced, a clean stop that lets a request finish, and a start that fails loudly.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { afterEach, expect, it } from "vitest";
import { startCluster, type RunningCluster } from "./cluster";

const fixture = fileURLToPath(new URL("./testing/fixture-worker.ts", import.meta.url));

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

let running: RunningCluster | undefined;
let exited: Promise<number>;

function launch(workers: number, port: number): RunningCluster {
  let onExit: (code: number) => void = () => {};
  exited = new Promise((r) => (onExit = r));
  running = startCluster({
    workers,
    exec: fixture,
    args: [String(port)],
    execArgv: ["--import", "tsx"],
    jobs: true,
    stopTimeoutMs: 5000,
    log: pino({ level: "silent" }),
    exit: onExit,
  });
  return running;
}

/** Two workers on a free port, both listening. */
async function twoWorkers() {
  const port = await freePort();
  const cluster = launch(2, port);
  await cluster.ready;
  return { port, cluster };
}

const get = (port: number, path: string) =>
  fetch(`http://127.0.0.1:${port}${path}`, { headers: { connection: "close" } }).then((r) =>
    r.text(),
  );
const pidsOf = async (port: number, n: number) => {
  const seen = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const { pid, jobs } = JSON.parse(await get(port, "/pid")) as { pid: number; jobs: string };
    seen.set(pid, jobs);
  }
  return seen;
};

afterEach(async () => {
  running?.stop();
  await exited;
  running = undefined;
});

it("serves one port from every worker, with the jobs in one of them", async () => {
  const { port } = await twoWorkers();
  const seen = await pidsOf(port, 12);
  expect(seen.size).toBe(2);
  expect([...seen.values()].sort()).toEqual(["false", "true"]);
}, 60_000);

it("answers a scrape with the requests of every worker, whichever worker it reached", async () => {
  const { port } = await twoWorkers();
  await pidsOf(port, 10);
  const text = await get(port, "/metrics");
  const line = text
    .split("\n")
    .find((l) => l.startsWith('meetbridge_http_requests_total{route="/pid"'));
  // Ten /pid requests went round the two workers; the sum is the instance's count.
  expect(line).toMatch(/ 10$/);
  expect(text).toContain("# TYPE process_cpu_seconds_total counter");
}, 60_000);

it("replaces a worker that dies, and keeps serving meanwhile", async () => {
  const { port } = await twoWorkers();
  const before = await pidsOf(port, 8);
  await get(port, "/die").catch(() => "the connection dropped with the worker");
  await expect.poll(async () => (await pidsOf(port, 8)).size, { timeout: 15_000 }).toBe(2);
  const after = await pidsOf(port, 8);
  expect([...after.keys()].filter((pid) => !before.has(pid))).toHaveLength(1);
}, 60_000);

it("stops on SIGTERM once the requests under way are answered", async () => {
  const { port, cluster } = await twoWorkers();
  const slow = get(port, "/slow");
  await new Promise((r) => setTimeout(r, 100));
  cluster.stop("SIGTERM");
  expect(await slow).toBe("slow done");
  expect(await exited).toBe(0);
  await expect(get(port, "/pid")).rejects.toThrow();
  running = undefined;
}, 60_000);

it("fails the start when a worker cannot listen", async () => {
  const taken: Server = createServer();
  await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
  const { port } = taken.address() as AddressInfo;
  try {
    launch(2, port);
    expect(await exited).toBe(1);
    running = undefined;
  } finally {
    taken.close();
  }
}, 60_000);
