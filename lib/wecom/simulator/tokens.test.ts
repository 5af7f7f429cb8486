// Token issuing for the three app kinds, expiry by the simulator clock, early
// invalidation, and the checks every call makes on its access_token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simApp, SIM_CORP_ID } from "./seed-data";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient } from "./test-client";

let sim: RunningSimulator;
let client: SimTestClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  client = new SimTestClient(sim);
});
beforeEach(() => client.control("reset", { body: {} }));
afterAll(() => sim.close());

const assistant = simApp("meeting-assistant");
const suite = simApp("third-party");
const getInfo = (t: string) => client.call("meeting/get_info", { meetingid: "hy-none" }, t);

describe("gettoken", () => {
  it.each([
    ["an unknown corpid", { corpid: "wwunknown", corpsecret: assistant.secret ?? "" }, 40013],
    ["a wrong secret", { corpid: SIM_CORP_ID, corpsecret: "wrong" }, 40001],
    ["a missing corpid", { corpsecret: assistant.secret ?? "" }, 41002],
    ["a missing secret", { corpid: SIM_CORP_ID }, 41004],
    [
      "a suite secret (third-party apps use get_corp_token)",
      { corpid: SIM_CORP_ID, corpsecret: suite.suiteSecret ?? "" },
      40001,
    ],
  ])("refuses %s", async (_name, query, errcode) => {
    const reply = await client.get("gettoken", query);
    expect(reply.errcode).toBe(errcode);
    expect(reply.access_token).toBeUndefined();
  });

  it("returns the same token while it is valid, with expires_in 7200", async () => {
    const first = await client.get("gettoken", {
      corpid: SIM_CORP_ID,
      corpsecret: assistant.secret ?? "",
    });
    expect(first).toMatchObject({ errcode: 0, errmsg: "ok", expires_in: 7200 });
    await client.advance(100);
    const second = await client.get("gettoken", {
      corpid: SIM_CORP_ID,
      corpsecret: assistant.secret ?? "",
    });
    expect(second.access_token).toBe(first.access_token);
    expect(second.expires_in).toBe(7100);
  });

  it("gives a customised-development app its own token", async () => {
    const t = await client.token("custom-dev");
    expect(t).not.toBe(await client.token("meeting-assistant"));
    expect((await getInfo(t)).errcode).toBe(40058);
  });

  it("answers 43001 to a POST", async () => {
    expect((await client.post("gettoken", {}, { corpid: SIM_CORP_ID })).errcode).toBe(43001);
  });
});

describe("access_token checks on every call", () => {
  it("reports 41001 without a token and 40014 for an unknown one", async () => {
    expect((await client.post("meeting/get_info", { meetingid: "x" })).errcode).toBe(41001);
    expect((await getInfo("not-a-token")).errcode).toBe(40014);
  });

  it("expires the token after its lifetime on the simulator clock (42001), then issues a new one", async () => {
    const t = await client.token();
    // The simulator's clock is real time plus an offset: leave a margin for a slow
    // machine between issuing the token and checking it is still valid.
    await client.advance(7190);
    expect((await getInfo(t)).errcode).toBe(40058);
    await client.advance(10);
    expect((await getInfo(t)).errcode).toBe(42001);
    const fresh = await client.token();
    expect(fresh).not.toBe(t);
    expect((await getInfo(fresh)).errcode).toBe(40058);
  });

  it("invalidates one token early (40014) and leaves other apps' tokens alone", async () => {
    const t = await client.token();
    const other = await client.token("custom-dev");
    expect(await client.control("tokens/invalidate", { body: { token: t } })).toEqual({
      invalidated: 1,
    });
    expect((await getInfo(t)).errcode).toBe(40014);
    expect((await getInfo(other)).errcode).toBe(40058);
    const again = await client.token();
    expect(again).not.toBe(t);
  });

  it("invalidates every token at once", async () => {
    const a = await client.token();
    const b = await client.token("third-party");
    await client.control("tokens/invalidate", { body: { all: true } });
    expect((await getInfo(a)).errcode).toBe(40014);
    expect((await getInfo(b)).errcode).toBe(40014);
  });

  it("answers 43002 to a GET on a POST-only call", async () => {
    const t = await client.token();
    expect((await client.get("meeting/create", { access_token: t })).errcode).toBe(43002);
  });

  it("honours a shorter tokenTtlSec", async () => {
    const short = await startSimulator({ port: 0, tokenTtlSec: 60 });
    try {
      const reply = await new SimTestClient(short).get("gettoken", {
        corpid: SIM_CORP_ID,
        corpsecret: assistant.secret ?? "",
      });
      expect(reply.expires_in).toBe(60);
    } finally {
      await short.close();
    }
  });
});

describe("third-party suite flow", () => {
  const suiteBody = {
    suite_id: suite.suiteId,
    suite_secret: suite.suiteSecret,
    suite_ticket: suite.suiteTicket,
  };
  const suiteToken = async () =>
    String((await client.post("service/get_suite_token", suiteBody)).suite_access_token);

  it.each([
    ["an unknown suite_id", { suite_id: "wwnope" }, 40083],
    ["a wrong suite_secret", { suite_secret: "nope" }, 40001],
    ["a wrong suite_ticket", { suite_ticket: "stale" }, 40085],
    ["a missing suite_ticket", { suite_ticket: undefined }, 40058],
  ])("get_suite_token refuses %s", async (_name, patch, errcode) => {
    const reply = await client.post("service/get_suite_token", { ...suiteBody, ...patch });
    expect(reply.errcode).toBe(errcode);
    expect(reply.suite_access_token).toBeUndefined();
  });

  it("turns a suite token and the permanent code into a corp token that books meetings corp-wide", async () => {
    const st = await suiteToken();
    const corp = await client.post(
      "service/get_corp_token",
      { auth_corpid: SIM_CORP_ID, permanent_code: suite.permanentCode },
      { suite_access_token: st },
    );
    expect(corp).toMatchObject({ errcode: 0, expires_in: 7200 });
    const now = await client.now();
    // A third-party app books on a calendar of its own (api doc, meeting/create).
    const cal = await client.call(
      "oa/calendar/add",
      { calendar: { summary: "会议（MeetBridge）", color: "#1F7A5C" } },
      String(corp.access_token),
    );
    // dengli is outside 会议助手's range but inside the suite's (whole corp).
    const booked = await client.call(
      "meeting/create",
      {
        cal_id: cal.cal_id,
        admin_userid: "dengli",
        title: "入职培训",
        meeting_start: now + 600,
        meeting_duration: 1800,
      },
      String(corp.access_token),
    );
    expect(booked.errcode).toBe(0);
  });

  it("refuses a wrong permanent_code (40084) and an unknown corp (40013)", async () => {
    const st = await suiteToken();
    const q = { suite_access_token: st };
    expect(
      (
        await client.post(
          "service/get_corp_token",
          { auth_corpid: SIM_CORP_ID, permanent_code: "x" },
          q,
        )
      ).errcode,
    ).toBe(40084);
    expect(
      (
        await client.post(
          "service/get_corp_token",
          { auth_corpid: "wwother", permanent_code: suite.permanentCode },
          q,
        )
      ).errcode,
    ).toBe(40013);
  });

  it("reports an expired suite_access_token with 42009 and an unknown one with 40082", async () => {
    const st = await suiteToken();
    await client.advance(7200);
    const body = { auth_corpid: SIM_CORP_ID, permanent_code: suite.permanentCode };
    expect(
      (await client.post("service/get_corp_token", body, { suite_access_token: st })).errcode,
    ).toBe(42009);
    expect(
      (await client.post("service/get_corp_token", body, { suite_access_token: "bogus" })).errcode,
    ).toBe(40082);
  });
});
