// A tiny WeCom client for the simulator's own tests (and anyone else's): real HTTP,
// no retries, no token cache, so each test sees exactly what the server answered.
import { simApp } from "./seed-data.js";
import type { RunningSimulator } from "./server.js";

export type WeComReply = { errcode: number; errmsg: string } & Record<string, unknown>;
export type AppKey = Parameters<typeof simApp>[0];

export class SimTestClient {
  constructor(readonly sim: RunningSimulator) {}

  async get(op: string, query: Record<string, string>): Promise<WeComReply> {
    const res = await fetch(`${this.sim.baseUrl}${op}?${new URLSearchParams(query)}`);
    return (await res.json()) as WeComReply;
  }

  async post(op: string, body: unknown, query: Record<string, string> = {}): Promise<WeComReply> {
    const res = await fetch(`${this.sim.baseUrl}${op}?${new URLSearchParams(query)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return (await res.json()) as WeComReply;
  }

  /** A fresh corp access_token for one of the seeded apps, through that app kind's own flow. */
  async token(key: AppKey = "meeting-assistant"): Promise<string> {
    const app = simApp(key);
    let reply: WeComReply;
    if (app.kind === "third_party") {
      const suite = await this.post("service/get_suite_token", {
        suite_id: app.suiteId,
        suite_secret: app.suiteSecret,
        suite_ticket: app.suiteTicket,
      });
      reply = await this.post(
        "service/get_corp_token",
        { auth_corpid: app.corpId, permanent_code: app.permanentCode },
        { suite_access_token: String(suite.suite_access_token) },
      );
    } else {
      reply = await this.get("gettoken", { corpid: app.corpId, corpsecret: app.secret ?? "" });
    }
    if (reply.errcode !== 0) throw new Error(`token for ${key}: ${reply.errcode} ${reply.errmsg}`);
    return String(reply.access_token);
  }

  call(op: string, body: unknown, token: string): Promise<WeComReply> {
    return this.post(op, body, { access_token: token });
  }

  async control<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
    const res = await fetch(`${this.sim.url}/__sim/${path}`, {
      method: init?.method ?? (init?.body === undefined ? "GET" : "POST"),
      headers: { "content-type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!res.ok) throw new Error(`/__sim/${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async now(): Promise<number> {
    return (await this.control<{ now: number }>("clock")).now;
  }

  advance(sec: number): Promise<unknown> {
    return this.control("clock", { body: { advanceSec: sec } });
  }
}
