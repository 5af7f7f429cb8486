// The WeCom simulator: a standalone HTTP server speaking the /cgi-bin/ API of
// wecom-meeting-api.md against the in-memory demo corp of seed-data.ts. Test controls
// live under /__sim/ (routes-sim.ts, routes-callbacks.ts; listed in lib/wecom/README.md).
// It also calls back like WeCom (callback-*.ts): events to the callback URLs set with
// POST /__sim/callbacks, and suite tickets every interval.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { DEFAULT_CALLBACK_POLICY, type CallbackPolicy } from "./callbacks.js";
import type { SimEnv } from "./operation.js";
import { StateFile, type RestoreResult } from "./persistence.js";
import { registerPages } from "./pages.js";
import { registerDirectoryRoutes } from "./routes-directory.js";
import { registerMeetingReadRoutes } from "./routes-meeting-read.js";
import { registerCalendarRoutes } from "./routes-calendar.js";
import { registerCallbackRoutes } from "./routes-callbacks.js";
import { registerMeetingWriteRoutes } from "./routes-meeting.js";
import { registerRoomRoutes } from "./routes-rooms.js";
import { registerRoomSimRoutes } from "./routes-rooms-sim.js";
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
  /**
   * Delay added to every /cgi-bin/ answer, ms (default 0): WeCom's usual round trip.
   * Changed at run time with POST /__sim/latency; /__sim/reset returns to this value.
   */
  latencyMs?: number;
  /**
   * A JSON file keeping meetings, revoked apps, corp settings and the clock offset across
   * restarts (persistence.ts; WECOM_SIM_STATE_FILE). Unset: memory only.
   */
  stateFile?: string;
  /**
   * How callbacks are delivered (WeCom: 5 s timeout, 3 attempts, a ticket every 600 s;
   * WECOM_SIM_SUITE_TICKET_INTERVAL_SECONDS). POST /__sim/callbacks/policy changes it at
   * run time; /__sim/reset returns to these values.
   */
  callbackPolicy?: Partial<CallbackPolicy>;
  /** Real ms between two looks for meetings starting or ending and tickets due (1000). */
  callbackTickMs?: number;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:3100 */
  url: string;
  /** url + "/cgi-bin/": what an app row stores as its API base URL */
  baseUrl: string;
  /** With a state file: what the start found in it. */
  restored?: RestoreResult;
  /** Stops listening, then saves the state file if there is one. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createSimulatorApp(state: SimState): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  // Before the routes, so it covers every /cgi-bin/ path; read per request, so a change
  // applies to the next call. Independent of (and added to) a fault's delayMs.
  app.use("/cgi-bin/*", async (_c, next) => {
    state.inFlight.peak = Math.max(state.inFlight.peak, ++state.inFlight.now);
    try {
      if (state.latencyMs > 0) await sleep(state.latencyMs);
      await next();
    } finally {
      state.inFlight.now--;
    }
  });
  registerTokenRoutes(app, state);
  registerMeetingWriteRoutes(app, state);
  registerMeetingReadRoutes(app, state);
  registerCalendarRoutes(app, state);
  registerDirectoryRoutes(app, state);
  registerRoomRoutes(app, state);
  registerRoomSimRoutes(app, state);
  registerSimRoutes(app, state);
  registerCallbackRoutes(app, state);
  registerPages(app, state);
  app.get("/", (c) => c.redirect("/__sim/"));
  app.get("/__sim", (c) => c.redirect("/__sim/"));
  app.notFound((c) =>
    c.json(
      { errcode: 404, errmsg: `unknown path ${c.req.path}: the simulator does not offer this API` },
      404,
    ),
  );
  // Not errcode -1: that means "WeCom refused, nothing happened", and clients resend
  // on it, even a create. A failing handler may have acted already (a meeting stored),
  // so answer as a broken server does: a 5xx, after which a create is uncertain.
  app.onError((err, c) =>
    c.json(
      {
        error: "simulator_error",
        message: `the WeCom simulator failed while handling ${c.req.method} ${c.req.path}: ${err.message}. This is not a WeCom answer; the request may or may not have taken effect.`,
      },
      500,
    ),
  );
  return app;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = opts.host ?? "127.0.0.1";
  const state = new SimState(opts.tokenTtlSec ?? 7200, opts.latencyMs ?? 0, {
    ...DEFAULT_CALLBACK_POLICY,
    ...opts.callbackPolicy,
  });
  // Before the first request can see the state.
  const stateFile = opts.stateFile ? new StateFile(opts.stateFile, state) : undefined;
  const restored = stateFile?.load();
  state.attachStore(stateFile);
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
  // Restored state too: the clock counts from now, and configured suites get a ticket.
  state.ticker.reset();
  state.ticker.start(opts.callbackTickMs ?? 1000);
  return {
    url,
    baseUrl: `${url}/cgi-bin/`,
    restored,
    close: async () => {
      state.ticker.stop();
      state.sender.close();
      try {
        await new Promise<void>((resolve, reject) => {
          // Keep-alive connections would otherwise hold close() open until they time out.
          if ("closeAllConnections" in server) server.closeAllConnections();
          server.close((err) => (err ? reject(err) : resolve()));
        });
      } finally {
        await stateFile?.close();
      }
    },
  };
}
