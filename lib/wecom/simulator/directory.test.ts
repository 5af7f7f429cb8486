// agent/get, user/get and get_user_meetingid: what an app can see, and listing a
// member's meetings page by page.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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

describe("agent/get and user/get", () => {
  it("returns the app's visible range", async () => {
    const reply = await client.get("agent/get", { access_token: token, agentid: "1000002" });
    expect(reply).toMatchObject({
      errcode: 0,
      agentid: 1000002,
      name: "会议助手",
      allow_partys: { partyid: [2, 3, 4, 5] },
      allow_userinfos: { user: [] },
      allow_tags: { tagid: [] },
      close: 0,
    });
    const custom = await client.get("agent/get", {
      access_token: await client.token("custom-dev"),
      agentid: "1000005",
    });
    expect(custom.allow_userinfos).toEqual({
      user: [{ userid: "zhangwei" }, { userid: "dengli" }],
    });
  });

  it("refuses another app's agentid with 40056", async () => {
    expect(
      (await client.get("agent/get", { access_token: token, agentid: "1000003" })).errcode,
    ).toBe(40056);
  });

  it("shows visible members only: 60011 outside the range, 60111 for unknown userids", async () => {
    expect(await client.get("user/get", { access_token: token, userid: "lihua" })).toMatchObject({
      errcode: 0,
      name: "李华",
      department: [3],
      position: "研发总监",
    });
    expect((await client.get("user/get", { access_token: token, userid: "dengli" })).errcode).toBe(
      60011,
    );
    expect((await client.get("user/get", { access_token: token, userid: "nobody" })).errcode).toBe(
      60111,
    );
  });
});

describe("meeting/get_user_meetingid", () => {
  const list = (body: Record<string, unknown>, t = token) =>
    client.call("meeting/get_user_meetingid", body, t);

  async function book(extra: Record<string, unknown>, t = token): Promise<string> {
    const reply = await client.call(
      "meeting/create",
      { admin_userid: "zhangwei", title: "例会", meeting_duration: 1800, ...extra },
      t,
    );
    expect(reply.errcode, reply.errmsg).toBe(0);
    return String(reply.meetingid);
  }

  it('pages through the user\'s meetings of this app in start order, ending with next_cursor ""', async () => {
    const mine: string[] = [];
    for (let i = 5; i >= 1; i--) {
      const asAdmin = i === 3;
      mine.unshift(
        await book({
          meeting_start: now + i * 3600,
          ...(asAdmin ? { admin_userid: "lihua" } : { invitees: { userid: ["lihua"] } }),
        }),
      );
    }
    await book({ meeting_start: now + 1800, invitees: { userid: ["sunli"] } });
    await book(
      { meeting_start: now + 1800, invitees: { userid: ["lihua"] } },
      await client.token("custom-dev"),
    );
    // api doc: end_time bounds only past meetings; a future one beyond it is listed too.
    const far = await book({ meeting_start: now + 200 * 86_400, invitees: { userid: ["lihua"] } });

    const seen: string[] = [];
    let cursor = "0";
    const pages: number[] = [];
    for (;;) {
      const reply = await list({
        userid: "lihua",
        cursor,
        begin_time: now,
        end_time: now + 86_400,
        limit: 2,
      });
      expect(reply.errcode).toBe(0);
      const ids = reply.meetingid_list as string[];
      pages.push(ids.length);
      seen.push(...ids);
      if (reply.next_cursor === "") break;
      cursor = String(reply.next_cursor);
    }
    expect(pages).toEqual([2, 2, 2]);
    expect(seen).toEqual([...mine, far]);
  });

  it("bounds past meetings by end_time and lists every future one from begin_time on", async () => {
    const start = now + 3600;
    const past = await book({ meeting_start: start });
    await client.advance(2 * 86_400);
    const t = await client.token(); // the first one expired with the two days
    const future = await book({ meeting_start: (await client.now()) + 170 * 86_400 }, t);
    const window = { userid: "zhangwei", begin_time: start - 60, end_time: start + 60 };
    expect(await list(window, t)).toMatchObject({ errcode: 0, meetingid_list: [past, future] });
    // A window that ends before the past meeting leaves it out, never the future one.
    const before = { userid: "zhangwei", begin_time: start - 3600, end_time: start - 60 };
    expect(await list(before, t)).toMatchObject({ errcode: 0, meetingid_list: [future] });
  });

  it("defaults to a window starting now", async () => {
    const id = await book({ meeting_start: now + 3600, invitees: { userid: ["lihua"] } });
    expect(await list({ userid: "lihua" })).toMatchObject({
      errcode: 0,
      meetingid_list: [id],
      next_cursor: "",
    });
  });

  it.each([
    [
      "a window over 180 days",
      { begin_time: 1_700_000_000, end_time: 1_700_000_000 + 181 * 86_400 },
      40058,
    ],
    ["end_time before begin_time", { begin_time: 1_700_000_000, end_time: 1_699_999_999 }, 40058],
    ["limit 101", { limit: 101 }, 40058],
    ["limit 0", { limit: 0 }, 40058],
    ["an unknown userid", { userid: "nobody" }, 60111],
    ["a userid outside the visible range", { userid: "panyue" }, 60011],
  ])("refuses %s", async (_name, patch, errcode) => {
    expect((await list({ userid: "lihua", ...patch })).errcode).toBe(errcode);
  });
});
