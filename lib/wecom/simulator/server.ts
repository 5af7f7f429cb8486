// The WeCom simulator: a standalone HTTP server speaking the /cgi-bin/ API of
// wecom-meeting-api.md against the in-memory demo corp of seed-data.ts.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import type { SimEnv } from "./operation.js";
import { registerPages } from "./pages.js";
import { registerDirectoryRoutes } from "./routes-directory.js";
import { registerMeetingReadRoutes } from "./routes-meeting-read.js";
import { registerMeetingWriteRoutes } from "./routes-meeting.js";
import { registerSimRoutes } from "./routes-sim.js";
import { registerTokenRoutes } from "./routes-token.js";
import { SimState } from "./state.js";

export interface SimulatorOptions {
  /** 0 = a random free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** default 7200, as WeCom */
  tokenTtlSec?: number;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:3100 */
  url: string;
  /** url + "/cgi-bin/": what an app row stores as its API base URL */
  baseUrl: string;
  close(): Promise<void>;
}

export function createSimulatorApp(state: SimState): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  registerTokenRoutes(app, state);
  registerMeetingWriteRoutes(app, state);
  registerMeetingReadRoutes(app, state);
  registerDirectoryRoutes(app, state);
  registerSimRoutes(app, state);
  registerPages(app, state);
  app.get("/", (c) => c.redirect("/__sim/"));
  app.get("/__sim", (c) => c.redirect("/__sim/"));
  app.notFound((c) =>
    c.json(
      { errcode: 404, errmsg: `unknown path ${c.req.path}: the simulator does not offer this API` },
      404,
    ),
  );
  app.onError((err, c) =>
    c.json({ errcode: -1, errmsg: `system busy (simulator error: ${err.message})` }, 200),
  );
  return app;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = opts.host ?? "127.0.0.1";
  const state = new SimState(opts.tokenTtlSec ?? 7200);
  const app = createSimulatorApp(state);
  const { server, address } = await new Promise<{
    server: ReturnType<typeof serve>;
    address: AddressInfo;
  }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port ?? 3100, hostname: host }, (address) =>
      resolve({ server, address }),
    );
    server.once("error", reject);
  });
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  return {
    url,
    baseUrl: `${url}/cgi-bin/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive connections would otherwise hold close() open until they time out.
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
