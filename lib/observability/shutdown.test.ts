// The clean stop: the instance says it is stopping, stops accepting connections, lets the
// request under way finish, hands back its leases and exits; a step that outlasts the
// bound does not hold the exit for ever.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { shutdown, trackServers, type ShutdownDeps } from "./shutdown";

let server: Server;
let url: string;
let inFlight = 0;
beforeAll(async () => {
  trackServers();
  server = createServer((_req, res) => {
    inFlight++;
    setTimeout(() => {
      res.end("booked");
      inFlight--;
    }, 400);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.close();
});

function deps(over: Partial<ShutdownDeps> = {}) {
  const events: string[] = [];
  const d: ShutdownDeps = {
    timeoutMs: 5_000,
    pollMs: 20,
    pending: () => ({ requests: inFlight, jobs: 0, callbacks: 0 }),
    markStopping: () => events.push("stopping"),
    releaseLeases: async () => {
      events.push("leases");
      return 2;
    },
    disconnect: async () => {
      events.push("disconnect");
    },
    exit: (code) => events.push(`exit ${code}`),
    ...over,
  };
  return { d, events };
}

it("finishes the request under way, refuses new connections, then releases and exits", async () => {
  const answer = fetch(url).then((r) => r.text());
  await new Promise((r) => setTimeout(r, 100)); // the request is in the handler now
  const { d, events } = deps();
  const stopped = shutdown("SIGTERM", d);
  expect(events).toEqual(["stopping"]);
  await expect(fetch(url)).rejects.toThrow();
  expect(await answer).toBe("booked");
  await stopped;
  expect(events).toEqual(["stopping", "leases", "disconnect", "exit 0"]);
});

it("exits at the bound when a job step never finishes", async () => {
  const { d, events } = deps({
    timeoutMs: 150,
    pending: () => ({ requests: 0, jobs: 1, callbacks: 0 }),
  });
  const t0 = Date.now();
  await shutdown("SIGTERM", d);
  expect(Date.now() - t0).toBeLessThan(1_000);
  expect(events.at(-1)).toBe("exit 0");
});
