// The HTTP base against a scripted fetch: retry rules, uncertainty, and the call log.
import { describe, expect, it } from "vitest";
import { WecomError, WecomTransportError, WecomUncertainError } from "./errors.ts";
import { wecomRequest, type HttpDeps } from "./http.ts";
import { createMeetingSchema, meetingInfoSchema } from "./schemas.ts";
import { MemoryCallLog } from "./store/memory-call-log.ts";
import type { WecomAppCredentials } from "./types.ts";

const app: WecomAppCredentials = {
  id: "app1",
  tenantId: "t1",
  name: "Test app",
  kind: "self_built",
  corpId: "ww1",
  baseUrl: "http://wecom.test/cgi-bin/",
  secret: "the-app-secret-value",
};

type Step = { json: unknown } | { throws: Error } | { status: number; text: string };

function scripted(steps: Step[]) {
  const seen: string[] = [];
  const fetchImpl = (async (input: string | URL | Request) => {
    seen.push(String(input));
    const step = steps.shift();
    if (!step) throw new Error("no more scripted responses");
    if ("throws" in step) throw step.throws;
    if ("json" in step) return new Response(JSON.stringify(step.json), { status: 200 });
    return new Response(step.text, { status: step.status });
  }) as typeof fetch;
  return { fetchImpl, seen };
}

function deps(fetchImpl: typeof fetch, log = new MemoryCallLog()): HttpDeps {
  return {
    app,
    callLog: log,
    fetch: fetchImpl,
    timeoutMs: 1_000,
    retry: { baseDelayMs: 1, maxAttempts: 4 },
  };
}

const timeout = () =>
  Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" });
const info = {
  errcode: 0,
  errmsg: "ok",
  admin_userid: "u",
  title: "t",
  meeting_start: 1,
  meeting_duration: 300,
  status: 1,
};
const getInfo = {
  operation: "meeting/get_info",
  method: "POST",
  path: "meeting/get_info",
  body: { meetingid: "m" },
  schema: meetingInfoSchema,
  idempotent: true,
} as const;
const create = {
  operation: "meeting/create",
  method: "POST",
  path: "meeting/create",
  body: { title: "x", settings: { password: "123456" } },
  schema: createMeetingSchema,
  idempotent: false,
  token: "tok-123456",
} as const;

describe("wecomRequest", () => {
  it("retries -1/45009/45033 at most three times, then throws a retriable WecomError", async () => {
    const busy = { json: { errcode: 45009, errmsg: "api freq out of limit" } };
    const { fetchImpl, seen } = scripted([busy, busy, busy, busy, busy]);
    const err = await wecomRequest(deps(fetchImpl), getInfo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WecomError);
    expect(err).toMatchObject({
      errcode: 45009,
      retriable: true,
      operation: "meeting/get_info",
      appId: "app1",
    });
    expect(seen).toHaveLength(4);
  });

  it("retries a refused create (-1) and returns the meeting", async () => {
    const { fetchImpl, seen } = scripted([
      { json: { errcode: -1, errmsg: "busy" } },
      { json: { errcode: 0, errmsg: "ok", meetingid: "m1" } },
    ]);
    await expect(wecomRequest(deps(fetchImpl), create)).resolves.toEqual({
      meetingId: "m1",
      excessUsers: [],
    });
    expect(seen).toHaveLength(2);
  });

  it("never resends a create after a timeout: WecomUncertainError", async () => {
    const { fetchImpl, seen } = scripted([
      { throws: timeout() },
      { json: { errcode: 0, meetingid: "dup" } },
    ]);
    const err = await wecomRequest(deps(fetchImpl), create).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WecomUncertainError);
    expect(err).toMatchObject({ failure: "timeout", retriable: false });
    expect(seen).toHaveLength(1);
  });

  it("treats a 502 on create as uncertain and a 404 as a plain failure", async () => {
    const bad = scripted([{ status: 502, text: "<html>bad gateway</html>" }]);
    await expect(wecomRequest(deps(bad.fetchImpl), create)).rejects.toBeInstanceOf(
      WecomUncertainError,
    );
    const missing = scripted([{ status: 404, text: "not found" }]);
    const err = await wecomRequest(deps(missing.fetchImpl), create).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WecomTransportError);
    expect(err).not.toBeInstanceOf(WecomUncertainError);
  });

  it("retries network errors on idempotent calls, within the bound", async () => {
    const drop = { throws: new TypeError("fetch failed") };
    const ok = scripted([drop, { throws: timeout() }, { json: info }]);
    await expect(wecomRequest(deps(ok.fetchImpl), getInfo)).resolves.toMatchObject({
      title: "t",
      status: 1,
    });
    const never = scripted([drop, drop, drop, drop, drop]);
    await expect(wecomRequest(deps(never.fetchImpl), getInfo)).rejects.toBeInstanceOf(
      WecomTransportError,
    );
    expect(never.seen).toHaveLength(4);
  });

  it("logs every attempt, redacted, with its number", async () => {
    const log = new MemoryCallLog();
    const { fetchImpl } = scripted([
      {
        throws: Object.assign(new TypeError("fetch failed tok-123456"), {
          cause: new Error("socket hang up"),
        }),
      },
    ]);
    await wecomRequest(deps(fetchImpl, log), {
      ...create,
      query: { access_token: "tok-123456" },
    }).catch(() => undefined);
    const { fetchImpl: f2 } = scripted([
      { json: { errcode: -1, errmsg: "busy" } },
      { json: { errcode: 0, errmsg: "ok", meetingid: "m" } },
    ]);
    await wecomRequest(deps(f2, log), { ...create, query: { access_token: "tok-123456" } });
    expect(log.entries.map((e) => e.attempt)).toEqual([1, 1, 2]);
    expect(log.entries[0]).toMatchObject({
      operation: "meeting/create",
      tenantId: "t1",
      appId: "app1",
      httpStatus: null,
    });
    expect(log.entries[0]?.error).toContain("fetch failed");
    expect(log.entries[1]).toMatchObject({ errcode: -1, httpStatus: 200 });
    const dump = JSON.stringify(log.entries);
    expect(dump).not.toContain("tok-123456");
    expect(dump).not.toContain("123456");
    expect(dump).not.toContain(app.secret);
  });
});
