// The HTTP base against real local servers, as an attacker would point an app: a base off
// the allow-list, a redirect to an internal address, a 5 MB answer, an HTML page.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowStartedSimulator } from "./base-url.ts";
import { LOGGED_NON_JSON_CHARS } from "./bounded-body.ts";
import { WecomConfigError, WecomTransportError } from "./errors.ts";
import { wecomRequest, type HttpDeps } from "./http.ts";
import { accessTokenSchema } from "./schemas.ts";
import { MemoryCallLog } from "./store/memory-call-log.ts";

interface Listener {
  server: Server;
  base: string;
  hits: string[];
}

async function listen(
  answer: (req: IncomingMessage, res: import("node:http").ServerResponse) => void,
) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}/cgi-bin/`, hits } satisfies Listener;
}

const SECRET = "the-app-secret-value";
let internal: Listener;
let redirecting: Listener;
let huge: Listener;
let hugeChunked: Listener;
let html: Listener;

beforeAll(async () => {
  internal = await listen((_req, res) => res.end(JSON.stringify({ internal: "admin-data" })));
  redirecting = await listen((_req, res) => {
    res.writeHead(302, { location: `${internal.base}gettoken` }).end();
  });
  const fiveMb = "<html>" + "x".repeat(5 * 1024 * 1024) + "</html>";
  huge = await listen((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" }).end(fiveMb);
  });
  hugeChunked = await listen((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    // No Content-Length: the size shows only while reading.
    for (let i = 0; i < 80; i++) res.write("y".repeat(64 * 1024));
    res.end();
  });
  html = await listen((_req, res) => {
    res
      .writeHead(200, { "content-type": "text/html" })
      .end("<html>" + "z".repeat(10_000) + "</html>");
  });
  for (const l of [redirecting, huge, hugeChunked, html]) allowStartedSimulator(l.base);
});

afterAll(async () => {
  for (const l of [internal, redirecting, huge, hugeChunked, html])
    await new Promise((resolve) => l.server.close(resolve));
});

function deps(baseUrl: string, log = new MemoryCallLog()): HttpDeps {
  return {
    app: {
      id: "app1",
      tenantId: "t1",
      name: "应用",
      kind: "self_built",
      corpId: "ww1",
      baseUrl,
      secret: SECRET,
    },
    callLog: log,
    fetch: globalThis.fetch,
    timeoutMs: 5_000,
    retry: { baseDelayMs: 1, maxAttempts: 1 },
  };
}

const gettoken = {
  operation: "gettoken",
  method: "GET",
  path: "gettoken",
  query: { corpid: "ww1", corpsecret: SECRET },
  schema: accessTokenSchema,
  idempotent: true,
} as const;

describe("the WeCom client's boundary", () => {
  it("sends nothing to a base off the allow-list", async () => {
    const err = await wecomRequest(deps(internal.base), gettoken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WecomConfigError);
    expect(err).toMatchObject({ field: "baseUrl", reason: "not_allowed" });
    expect(internal.hits).toEqual([]);
  });

  it("never follows a redirect: the internal address gets nothing, the log no answer", async () => {
    const log = new MemoryCallLog();
    const err = await wecomRequest(deps(redirecting.base, log), gettoken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WecomTransportError);
    expect(err).toMatchObject({ httpStatus: 302 });
    expect(redirecting.hits).toHaveLength(1);
    expect(internal.hits).toEqual([]);
    const logged = JSON.stringify(log.entries);
    expect(logged).not.toContain("admin-data");
    expect(logged).not.toContain(SECRET);
    expect(logged).toContain("redirect");
  });

  for (const [name, listener] of [
    ["with a Content-Length", () => huge],
    ["chunked", () => hugeChunked],
  ] as const) {
    it(`stops reading a 5 MB answer (${name}) and logs only its head`, async () => {
      const log = new MemoryCallLog();
      const err = await wecomRequest(deps(listener().base, log), gettoken).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WecomTransportError);
      expect(err).toMatchObject({ failure: "invalid_response" });
      const [entry] = log.entries;
      expect(entry?.error).toContain("larger than 1048576 bytes");
      expect((entry?.responseBody ?? "").length).toBeLessThanOrEqual(LOGGED_NON_JSON_CHARS + 100);
    });
  }

  it("logs an HTML answer truncated", async () => {
    const log = new MemoryCallLog();
    await expect(wecomRequest(deps(html.base, log), gettoken)).rejects.toBeInstanceOf(
      WecomTransportError,
    );
    const body = log.entries[0]?.responseBody ?? "";
    expect(body.startsWith("<html>zzz")).toBe(true);
    expect(body.length).toBeLessThan(LOGGED_NON_JSON_CHARS + 100);
    expect(body).toContain("more characters not logged");
  });
});
