// One WeCom API operation under /cgi-bin/: HTTP method check, request log, injected
// faults, token check, JSON body, then the handler. Every answer is HTTP 200 with
// errcode/errmsg, because that is what a WeCom client has to cope with; the one
// exception is a failure of the simulator itself (server.ts answers it with HTTP 500).
import type { HttpBindings } from "@hono/node-server";
import type { Context, Hono } from "hono";
import { authenticate, isReply, type AuthKind, type Caller, type Reply } from "./auth.js";
import { faultErrmsg } from "./faults.js";
import { redact, redactRaw, type SimState } from "./state.js";

export type SimEnv = { Bindings: HttpBindings };

export interface OpContext<A extends AuthKind> {
  state: SimState;
  query: Record<string, string>;
  body: Record<string, unknown>;
  caller: A extends "none" ? undefined : Caller;
}

export interface OperationSpec<A extends AuthKind> {
  name: string;
  method: "GET" | "POST";
  auth: A;
  handler: (ctx: OpContext<A>) => Reply | Promise<Reply>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** WeCom appends a hint and a lookup link to every error; clients should not rely on errmsg being short. */
function withHint(reply: Reply, n: number): string {
  const hint = `${Math.floor(Date.now() / 1000)}-sim${n}`;
  return `${reply.errmsg}, hint: [${hint}], more info at https://open.work.weixin.qq.com/devtool/query?e=${reply.errcode}`;
}

function parseBody(raw: string): Record<string, unknown> | undefined {
  if (raw.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function defineOperation<A extends AuthKind>(
  app: Hono<SimEnv>,
  state: SimState,
  spec: OperationSpec<A>,
): void {
  app.all(`/cgi-bin/${spec.name}`, async (c: Context<SimEnv>) => {
    const query = c.req.query();
    const raw = c.req.method === "POST" ? await c.req.text() : "";
    const body = parseBody(raw);
    const entry = {
      method: c.req.method,
      path: c.req.path,
      operation: spec.name,
      query: redact(query),
    };
    const logBody = body ? redact(body) : redactRaw(raw);
    const answer = (reply: Reply, appKey?: string) => {
      const sent =
        reply.errcode === 0
          ? reply
          : { ...reply, errmsg: withHint(reply, state.requests.length + 1) };
      state.record({
        ...entry,
        body: logBody,
        appKey,
        errcode: reply.errcode,
        // What the client received, less the tokens it was given and any meeting password.
        response: redact(sent),
      });
      return c.json(sent);
    };

    if (c.req.method !== spec.method) {
      return answer(
        spec.method === "GET"
          ? { errcode: 43001, errmsg: "require GET method" }
          : { errcode: 43002, errmsg: "require POST method" },
      );
    }
    const fault = state.faults.take(spec.name);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.drop) {
      state.record({ ...entry, body: logBody, errcode: null, response: "dropped by fault" });
      c.env.outgoing.socket?.destroy();
      return new Response(null, { status: 499 });
    }
    if (fault?.errcode !== undefined)
      return answer({ errcode: fault.errcode, errmsg: faultErrmsg(fault) });

    let caller: Caller | undefined;
    if (spec.auth !== "none") {
      const result = authenticate(state, query, spec.auth as Exclude<AuthKind, "none">);
      if (isReply(result)) return answer(result);
      caller = result;
    }
    if (!body)
      return answer(
        { errcode: 47001, errmsg: "data format error: the body is not a JSON object" },
        caller?.app.key,
      );
    let reply: Reply;
    try {
      if (fault?.crash === "before") throw new Error(`injected crash before ${spec.name} acted`);
      reply = await spec.handler({ state, query, body, caller } as OpContext<A>);
      if (fault?.crash === "after") throw new Error(`injected crash after ${spec.name} acted`);
    } catch (err) {
      // Logged here, where the request is known; server.ts turns the error into a 500.
      state.record({
        ...entry,
        body: logBody,
        appKey: caller?.app.key,
        errcode: null,
        response: { httpStatus: 500, error: err instanceof Error ? err.message : String(err) },
      });
      throw err;
    }
    return answer(reply, caller?.app.key);
  });
}
