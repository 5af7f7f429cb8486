// Every HTTP request gets an id (the caller's, when it looks like one; else a new one),
// sent back on the response, and one log line with its route, status, duration and what
// the handler noted (tenant, user or API key); the HTTP metrics count it by route.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { noteRequest, REQUEST_ID_HEADER } from "./request-context";
import { startRequestLog } from "./request-log";

let server: Server;
let base: string;
beforeAll(async () => {
  startRequestLog();
  server = createServer((req, res) => {
    if (req.url?.startsWith("/api/v1/meetings/")) {
      noteRequest(req.headers[REQUEST_ID_HEADER] as string, {
        tenantId: "t1",
        apiKeyName: "OA",
        route: "/api/v1/meetings/:id",
      });
    }
    res.statusCode = req.url === "/missing" ? 404 : 200;
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function logged(path: string, headers: Record<string, string> = {}) {
  const info = vi.spyOn(logger, "info").mockImplementation(() => {});
  try {
    const res = await fetch(base + path, { headers });
    await res.text();
    await vi.waitFor(() => expect(info).toHaveBeenCalled());
    return { res, line: info.mock.calls[0]![0] as unknown as Record<string, unknown> };
  } finally {
    info.mockRestore();
  }
}

it("keeps a caller's request id and sends it back; logs the handler's notes", async () => {
  const { res, line } = await logged("/api/v1/meetings/cm123?x=1", {
    "X-Request-Id": "oa-flow-4711-a",
  });
  expect(res.headers.get("x-request-id")).toBe("oa-flow-4711-a");
  expect(line).toMatchObject({
    reqId: "oa-flow-4711-a",
    method: "GET",
    route: "/api/v1/meetings/:id",
    path: "/api/v1/meetings/cm123",
    status: 200,
    tenantId: "t1",
    apiKeyName: "OA",
  });
  expect(typeof line.durationMs).toBe("number");
});

it("replaces an id that could forge a log line, and folds unknown paths into one route", async () => {
  const { res, line } = await logged("/missing", { "X-Request-Id": "x\tinjected line" });
  const id = res.headers.get("x-request-id")!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(line).toMatchObject({ reqId: id, route: "unmatched", status: 404 });
});

it("counts requests by route and status", async () => {
  const count = async () =>
    (await metrics.httpRequests.get()).values.find(
      (s) => s.labels.route === "/api/v1/meetings/:id" && s.labels.status === "200",
    )?.value ?? 0;
  const before = await count();
  await logged("/api/v1/meetings/cm999");
  expect(await count()).toBe(before + 1);
});
