// The /__sim/ test-support controls and the app-level refusals they make testable:
// faults, the request log, revoked apps (48004), apps without permission (48002),
// corp editions, reset, the seed and the member pages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SIM_CORP_ID, simApp } from "./seed-data";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient } from "./test-client";

let sim: RunningSimulator;
let client: SimTestClient;
let token: string;
let now: number;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  client = new SimTestClient(sim);
});
beforeEach(async () => {
  await client.control("reset", { body: {} });
  token = await client.token();
  now = await client.now();
});
afterAll(() => sim.close());

const booking = (extra: Record<string, unknown> = {}) => ({
  admin_userid: "zhangwei",
  title: "客户拜访复盘",
  meeting_start: now + 3600,
  meeting_duration: 1800,
  ...extra,
});
const create = (extra: Record<string, unknown> = {}, t = token) =>
  client.call("meeting/create", booking(extra), t);

describe("permissions", () => {
  it("answers 48002 to meeting calls of an app without the meeting permission, which can still read its agent", async () => {
    const t = await client.token("notice-bot");
    const reply = await create({}, t);
    expect(reply.errcode).toBe(48002);
    expect(reply.errmsg).toContain("1000003");
    expect((await client.get("agent/get", { access_token: t, agentid: "1000003" })).errcode).toBe(
      0,
    );
  });

  it("answers 48004 once an app is revoked, for calls and for new tokens, until restored", async () => {
    await client.control("apps/meeting-assistant/revoke", { body: {} });
    expect((await create()).errcode).toBe(48004);
    const app = simApp("meeting-assistant");
    expect(
      (await client.get("gettoken", { corpid: SIM_CORP_ID, corpsecret: app.secret ?? "" })).errcode,
    ).toBe(48004);
    expect((await create({}, await client.token("custom-dev"))).errcode).toBe(0);
    await client.control("apps/meeting-assistant/restore", { body: {} });
    expect((await create()).errcode).toBe(0);
  });
});

describe("faults", () => {
  it("fails the next N calls of one operation with the given errcode, then behaves again", async () => {
    await client.control("faults", {
      body: { operation: "meeting/create", count: 2, errcode: -1 },
    });
    const get = await client.call("meeting/get_info", { meetingid: "x" }, token);
    expect(get.errcode).toBe(40058);
    expect((await create()).errcode).toBe(-1);
    expect((await create()).errmsg).toContain("system busy");
    expect((await create()).errcode).toBe(0);
  });

  it("applies queued faults in the order they were added, with custom errmsg", async () => {
    await client.control("faults", { body: { operation: "meeting/create", errcode: 45009 } });
    await client.control("faults", {
      body: { operation: "meeting/create", errcode: 60020, errmsg: "from ip: 203.0.113.9" },
    });
    expect((await create()).errcode).toBe(45009);
    const ip = await create();
    expect(ip.errcode).toBe(60020);
    expect(ip.errmsg).toContain("203.0.113.9");
    expect((await create()).errcode).toBe(0);
  });

  it("delays a call by delayMs", async () => {
    await client.control("faults", { body: { operation: "meeting/create", delayMs: 300 } });
    const started = performance.now();
    expect((await create()).errcode).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("drops the connection without an answer", async () => {
    await client.control("faults", { body: { operation: "gettoken", drop: true } });
    await expect(client.token()).rejects.toThrow();
    expect(await client.token()).toBe(token);
  });

  it("clears pending faults with DELETE and refuses a fault that does nothing", async () => {
    await client.control("faults", {
      body: { operation: "meeting/create", errcode: -1, count: 5 },
    });
    await client.control("faults", { method: "DELETE" });
    expect((await create()).errcode).toBe(0);
    await expect(
      client.control("faults", { body: { operation: "meeting/create" } }),
    ).rejects.toThrow(/400/);
  });
});

describe("a failure inside a handler", () => {
  type Rec = { operation: string; errcode: number | null; response: Record<string, unknown> };

  it("is answered with HTTP 500 and a JSON body saying so, never as WeCom's retriable -1", async () => {
    await client.control("faults", { body: { operation: "meeting/create", crash: "before" } });
    const res = await fetch(`${sim.baseUrl}meeting/create?access_token=${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(booking()),
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("errcode");
    expect(body.error).toBe("simulator_error");
    expect(String(body.message)).toContain("meeting/create");
    expect(String(body.message)).toContain("not a WeCom answer");
    const logged = await client.control<Rec[]>("requests?operation=meeting/create");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ errcode: null, response: { httpStatus: 500 } });
    expect(await client.control<unknown[]>("meetings")).toEqual([]);
  });

  it("after the handler acted keeps what it did: the meeting exists though the answer was a 500", async () => {
    await client.control("faults", { body: { operation: "meeting/create", crash: "after" } });
    expect((await create({ title: "半途失败" })).errcode).toBeUndefined();
    const meetings = await client.control<{ title: string }[]>("meetings");
    expect(meetings.map((m) => m.title)).toEqual(["半途失败"]);
    expect((await create()).errcode).toBe(0);
  });

  it("refuses a crash fault of an unknown kind", async () => {
    await expect(
      client.control("faults", { body: { operation: "meeting/create", crash: "sometimes" } }),
    ).rejects.toThrow(/400/);
  });
});

describe("latency", () => {
  const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await run();
    return [result, performance.now() - started];
  };

  it("delays every /cgi-bin/ answer by the set ms until switched off with 0", async () => {
    expect(await client.control("latency")).toEqual({ ms: 0 });
    expect(await client.control("latency", { body: { ms: 250 } })).toEqual({ ms: 250 });
    expect(await client.control("latency")).toEqual({ ms: 250 });
    const [created, createMs] = await timed(() => create());
    expect(created.errcode).toBe(0);
    expect(createMs).toBeGreaterThanOrEqual(240);
    const [, tokenMs] = await timed(() => client.token());
    expect(tokenMs).toBeGreaterThanOrEqual(240);
    // The controls themselves answer at once.
    const [, controlMs] = await timed(() => client.control("clock"));
    expect(controlMs).toBeLessThan(240);
    await client.control("latency", { body: { ms: 0 } });
    const [, fastMs] = await timed(() => create());
    expect(fastMs).toBeLessThan(240);
  });

  it("adds to a fault's delay rather than replacing it", async () => {
    await client.control("latency", { body: { ms: 200 } });
    await client.control("faults", { body: { operation: "meeting/create", delayMs: 200 } });
    const [, ms] = await timed(() => create());
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(await client.control("faults")).toEqual([]);
    expect(await client.control("latency")).toEqual({ ms: 200 });
  });

  it("counts the /cgi-bin/ requests answered at once (GET /__sim/in-flight)", async () => {
    await client.control("latency", { body: { ms: 200 } });
    const res = await fetch(`${sim.url}/__sim/in-flight`, { method: "DELETE" });
    expect(await res.json()).toEqual({ now: 0, peak: 0 });
    await Promise.all([create(), create(), create()]);
    expect(await (await fetch(`${sim.url}/__sim/in-flight`)).json()).toEqual({ now: 0, peak: 3 });
    await client.control("latency", { body: { ms: 0 } });
  });

  it("goes back to its start value on reset and refuses what is not a whole number of ms", async () => {
    await client.control("latency", { body: { ms: 300 } });
    await client.control("reset", { body: {} });
    expect(await client.control("latency")).toEqual({ ms: 0 });
    for (const body of [{ ms: -1 }, { ms: 1.5 }, { ms: "100" }, {}, { ms: 60_001 }]) {
      await expect(client.control("latency", { body })).rejects.toThrow(/400/);
    }
  });

  it("can be set when the simulator starts", async () => {
    const slow = await startSimulator({ port: 0, latencyMs: 200 });
    try {
      const c = new SimTestClient(slow);
      expect(await c.control("latency")).toEqual({ ms: 200 });
      const [, ms] = await timed(() => c.token());
      expect(ms).toBeGreaterThanOrEqual(190);
      await c.control("latency", { body: { ms: 0 } });
      await c.control("reset", { body: {} });
      expect(await c.control("latency")).toEqual({ ms: 200 });
    } finally {
      await slow.close();
    }
  });
});

describe("request log", () => {
  it("records each call newest last, filterable by operation, with secrets redacted", async () => {
    await create({ title: "日志测试" });
    await create({ meeting_duration: 10 });
    type Rec = {
      id: number;
      operation: string;
      errcode: number;
      body: { title?: string };
      query: Record<string, string>;
      appKey?: string;
    };
    const creates = await client.control<Rec[]>("requests?operation=meeting/create");
    expect(creates.map((r) => r.errcode)).toEqual([0, 40058]);
    expect(creates[0]?.body.title).toBe("日志测试");
    expect(creates[0]?.appKey).toBe("meeting-assistant");
    expect(creates[0]?.query.access_token).not.toBe(token);
    const all = await client.control<Rec[]>("requests");
    expect(all.map((r) => r.operation)).toEqual(["gettoken", "meeting/create", "meeting/create"]);
    expect(JSON.stringify(all)).not.toContain(simApp("meeting-assistant").secret);
    await client.control("requests", { method: "DELETE" });
    expect(await client.control<Rec[]>("requests")).toEqual([]);
  });

  it("masks the tokens the responses hand out, and meeting passwords at any depth", async () => {
    const suite = simApp("third-party");
    const suiteReply = await client.post("service/get_suite_token", {
      suite_id: suite.suiteId,
      suite_secret: suite.suiteSecret,
      suite_ticket: suite.suiteTicket,
    });
    const suiteToken = String(suiteReply.suite_access_token);
    const corpToken = await client.token("third-party");
    const created = await create({ settings: { password: "135790" } });
    expect(created.errcode).toBe(0);
    const meetingid = String(created.meetingid);
    expect((await client.call("meeting/get_info", { meetingid }, token)).settings).toMatchObject({
      password: "135790",
    });
    await client.call(
      "meeting/update",
      { meetingid, settings: { password: "864213", hosts: { userid: [] } } },
      token,
    );
    // A body that is JSON but not an object is refused (47001) and still logged masked.
    await client.call("meeting/create", [{ settings: { password: "975310" } }], token);

    type Rec = { operation: string; body: unknown; response: Record<string, unknown> };
    const all = await client.control<Rec[]>("requests");
    const text = JSON.stringify(all);
    for (const secret of [token, suiteToken, corpToken, "135790", "864213", "975310"]) {
      expect(text).not.toContain(secret);
    }
    const responses = (op: string) => all.filter((r) => r.operation === op).map((r) => r.response);
    for (const r of responses("gettoken")) expect(r.access_token).toBe(`***${token.slice(-4)}`);
    expect(responses("service/get_suite_token")[0]?.suite_access_token).toBe(
      `***${suiteToken.slice(-4)}`,
    );
    expect(responses("service/get_corp_token")[0]?.access_token).toBe(`***${corpToken.slice(-4)}`);
    expect(responses("meeting/get_info")[0]?.settings).toMatchObject({ password: "***" });
    const bodies = all.filter((r) => r.operation.startsWith("meeting/")).map((r) => r.body);
    expect(bodies).toContainEqual(expect.objectContaining({ settings: { password: "***" } }));
    expect(bodies).toContainEqual(
      expect.objectContaining({ settings: { password: "***", hosts: { userid: [] } } }),
    );
    expect(bodies).toContainEqual([{ settings: { password: "***" } }]);
  });
});

describe("corp editions", () => {
  const invitees = (n: number) => ({ invitees: { userid: Array<string>(n).fill("lihua") } });

  it("returns excess_users instead of refusing when the corp reports them", async () => {
    await client.control(`corps/${SIM_CORP_ID}/settings`, { body: { reportExcessUsers: true } });
    const many = Array.from({ length: 101 }, (_, i) => (i === 100 ? "sunli" : "lihua"));
    const reply = await create({ invitees: { userid: many } });
    expect(reply).toMatchObject({ errcode: 0, excess_users: ["sunli"] });
  });

  it("seats 300 invitees on a paid edition and refuses 301", async () => {
    await client.control(`corps/${SIM_CORP_ID}/settings`, { body: { paidEdition: true } });
    expect((await create(invitees(300))).errcode).toBe(0);
    expect((await create(invitees(301))).errcode).toBe(40058);
  });
});

describe("clock, reset and seed", () => {
  it("moves the clock by offset and back to real time", async () => {
    const moved = await client.control<{ now: number; offsetSec: number }>("clock", {
      body: { offsetSec: 86_400 },
    });
    expect(moved.offsetSec).toBe(86_400);
    expect(moved.now - now).toBeGreaterThanOrEqual(86_400);
    const back = await client.control<{ offsetSec: number }>("clock", { body: { reset: true } });
    expect(back.offsetSec).toBe(0);
  });

  it("forgets meetings, tokens, faults and the clock offset on reset", async () => {
    const id = String((await create()).meetingid);
    await client.advance(60);
    await client.control("faults", { body: { operation: "meeting/get_info", errcode: -1 } });
    await client.control("reset", { body: {} });
    expect((await client.control<{ offsetSec: number }>("clock")).offsetSec).toBe(0);
    expect((await client.call("meeting/get_info", { meetingid: id }, token)).errcode).toBe(40014);
    const fresh = await client.token();
    expect((await client.call("meeting/get_info", { meetingid: id }, fresh)).errcode).toBe(40058);
  });

  it("publishes the seed with credentials and who each app can see", async () => {
    type Seed = {
      apps: { key: string; agentId: number; secret?: string }[];
      members: { userid: string; inVisibleRange: Record<string, boolean> }[];
    };
    const seed = await client.control<Seed>("seed");
    expect(seed.apps.map((a) => [a.key, a.agentId])).toEqual([
      ["meeting-assistant", 1000002],
      ["notice-bot", 1000003],
      ["third-party", 1000004],
      ["custom-dev", 1000005],
    ]);
    expect(seed.members.length).toBeGreaterThanOrEqual(30);
    const outside = seed.members
      .filter((m) => !m.inVisibleRange["meeting-assistant"])
      .map((m) => m.userid);
    expect(outside).toEqual(["dengli", "xiaoming", "tianjing", "panyue", "duwei"]);
    expect(seed.members.every((m) => m.inVisibleRange["third-party"])).toBe(true);
  });
});

describe("tokens", () => {
  it("lists every token handed out, unmasked, for leak searches", async () => {
    const listed = await client.control<{ token: string; appKey: string }[]>("tokens");
    expect(listed.map((t) => t.token)).toContain(token);
    expect(listed.find((t) => t.token === token)?.appKey).toBe("meeting-assistant");
  });
});

describe("changes made in the WeCom client", () => {
  it("retitles, moves and cancels a meeting as get_info then reports it", async () => {
    const id = String((await create()).meetingid);
    await client.control(`meetings/${id}`, {
      body: { title: "改在客户端", meeting_start: now + 7200, meeting_duration: 3600 },
    });
    const moved = await client.call("meeting/get_info", { meetingid: id }, token);
    expect([moved.title, moved.meeting_start, moved.meeting_duration]).toEqual([
      "改在客户端",
      now + 7200,
      3600,
    ]);
    await client.control(`meetings/${id}`, { body: { cancel: true } });
    const info = await client.call("meeting/get_info", { meetingid: id }, token);
    expect(info.status).toBe(4);
  });

  it("refuses an unknown meeting and a field the client cannot change", async () => {
    const id = String((await create()).meetingid);
    await expect(client.control("meetings/nope", { body: { cancel: true } })).rejects.toThrow(
      /HTTP 404/,
    );
    await expect(
      client.control(`meetings/${id}`, { body: { admin_userid: "lisi" } }),
    ).rejects.toThrow(/HTTP 400/);
  });
});

describe("member pages", () => {
  const page = async (userid: string) => (await fetch(`${sim.url}/__sim/members/${userid}`)).text();

  it("shows a booking to the invitee as upcoming, then under cancelled", async () => {
    const id = String(
      (await create({ title: "季度复盘", invitees: { userid: ["sunli"] } })).meetingid,
    );
    const code = String(
      (await client.call("meeting/get_info", { meetingid: id }, token)).meeting_code,
    );
    const before = await page("sunli");
    expect(before).toContain("季度复盘");
    expect(before).toMatch(/待开始（1）/);
    expect(before).toContain(code.replace(/(\d{3})(\d{3})(\d{3})/, "$1 $2 $3"));
    expect(before).toContain("张伟");
    await client.call("meeting/cancel", { meetingid: id }, token);
    expect(await page("sunli")).toMatch(/已取消（1）/);
    expect(await page("caoyu")).not.toContain("季度复盘");
  });

  it("lists every member on the index with a link", async () => {
    const html = await (await fetch(`${sim.url}/__sim/`)).text();
    expect(html).toContain('href="/__sim/members/zhangwei"');
    expect(html).toContain("不可见");
    expect((await fetch(`${sim.url}/__sim/members/nobody`)).status).toBe(404);
  });
});
