// Test and bench support: a running simulator plus app credentials taken from its seed,
// and typed wrappers of its /__sim/ controls.
import { allowStartedSimulator } from "../base-url.ts";
import { SIM_APPS, simApp, type SimApp } from "../simulator/seed-data.ts";
import { startSimulator, type RunningSimulator } from "../simulator/server.ts";
import { MemoryTokenStore } from "../store/memory-token-store.ts";
import type { TokenRecord } from "../store/types.ts";
import type { TokenKind, WecomAppCredentials } from "../types.ts";

export type SimAppKey = "meeting-assistant" | "notice-bot" | "third-party" | "custom-dev";

export interface SimRequest {
  operation: string;
  errcode: number | null;
  appKey?: string;
}

export interface FaultSpec {
  operation: string;
  count?: number;
  errcode?: number;
  errmsg?: string;
  delayMs?: number;
  drop?: boolean;
  /** Throw in the handler before or after it acts: HTTP 500. */
  crash?: "before" | "after";
}

export interface SimHarness {
  sim: RunningSimulator;
  credentials(key: SimAppKey, overrides?: Partial<WecomAppCredentials>): WecomAppCredentials;
  requests(operation?: string): Promise<SimRequest[]>;
  clearRequests(): Promise<void>;
  fault(spec: FaultSpec): Promise<void>;
  advanceClock(sec: number): Promise<void>;
  /** Delay every /cgi-bin/ answer by `ms` (0 = off); reset() returns to the start value. */
  setLatency(ms: number): Promise<void>;
  invalidateTokens(): Promise<void>;
  revoke(key: SimAppKey): Promise<void>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export function credentialsFor(
  app: SimApp,
  baseUrl: string,
  tenantId = "tenant-sim",
): WecomAppCredentials {
  return {
    id: `app-${app.key}`,
    tenantId,
    name: app.name,
    kind: app.kind,
    corpId: app.corpId,
    agentId: app.agentId,
    baseUrl,
    secret: app.secret,
    suiteId: app.suiteId,
    suiteSecret: app.suiteSecret,
    suiteTicket: app.suiteTicket,
    permanentCode: app.permanentCode,
  };
}

export async function startSimHarness(
  opts: { tokenTtlSec?: number; latencyMs?: number } = {},
): Promise<SimHarness> {
  const sim = await startSimulator({
    port: 0,
    tokenTtlSec: opts.tokenTtlSec,
    latencyMs: opts.latencyMs,
  });
  // Its port is chosen now, so it cannot be in MEETBRIDGE_WECOM_BASE_URLS: list it here.
  allowStartedSimulator(sim.baseUrl);
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok)
      throw new Error(`simulator ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    sim,
    credentials: (key, overrides = {}) => ({
      ...credentialsFor(simApp(key), sim.baseUrl),
      ...overrides,
    }),
    requests: async (operation) =>
      (await control(
        "GET",
        `/__sim/requests${operation ? `?operation=${encodeURIComponent(operation)}` : ""}`,
      )) as SimRequest[],
    clearRequests: async () => void (await control("DELETE", "/__sim/requests")),
    fault: async (spec) => void (await control("POST", "/__sim/faults", spec)),
    advanceClock: async (sec) => void (await control("POST", "/__sim/clock", { advanceSec: sec })),
    setLatency: async (ms) => void (await control("POST", "/__sim/latency", { ms })),
    invalidateTokens: async () =>
      void (await control("POST", "/__sim/tokens/invalidate", { all: true })),
    revoke: async (key) => void (await control("POST", `/__sim/apps/${key}/revoke`)),
    reset: async () => void (await control("POST", "/__sim/reset")),
    close: () => sim.close(),
  };
}

/** A MemoryTokenStore that remembers every token it ever held, so tests can look for leaks. */
export class RecordingTokenStore extends MemoryTokenStore {
  readonly everHeld = new Set<string>();
  override async put(appId: string, kind: TokenKind, record: TokenRecord): Promise<void> {
    this.everHeld.add(record.value);
    await super.put(appId, kind, record);
  }
}

/** Every credential of the seed plus every token a store held: none may reach the call log. */
export function secretsOf(stores: RecordingTokenStore[]): string[] {
  const seed = SIM_APPS.flatMap((a) => [a.secret, a.suiteSecret, a.suiteTicket, a.permanentCode]);
  return [...seed, ...stores.flatMap((s) => [...s.everHeld])].filter((v): v is string =>
    Boolean(v),
  );
}
