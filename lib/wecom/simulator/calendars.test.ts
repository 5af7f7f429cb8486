// oa/calendar and the cal_id rule of meeting/create and update (api doc "Calendars" and
// meeting/create: "第三方应用必须指定cal_id"): each documented rule refused the way WeCom
// would, a calendar usable only by the app that made it, and the 日程接口权限 switch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient, type AppKey } from "./test-client";

let sim: RunningSimulator;
let client: SimTestClient;
let now: number;
const tokens = {} as Record<AppKey, string>;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  client = new SimTestClient(sim);
});
beforeEach(async () => {
  await client.control("reset", { body: {} });
  for (const key of ["meeting-assistant", "third-party", "custom-dev"] as AppKey[])
    tokens[key] = await client.token(key);
  now = await client.now();
});
afterAll(() => sim.close());

type Body = Record<string, unknown>;
const calendar = (over: Body = {}) => ({
  calendar: { summary: "会议（MeetBridge）", color: "#1F7A5C", ...over },
});
const addCalendar = (key: AppKey, over: Body = {}) =>
  client.call("oa/calendar/add", calendar(over), tokens[key]);
async function calendarOf(key: AppKey): Promise<string> {
  const reply = await addCalendar(key);
  expect(reply.errcode, reply.errmsg).toBe(0);
  return String(reply.cal_id);
}
const meeting = (extra: Body = {}) => ({
  admin_userid: "zhangwei",
  title: "日历会议",
  meeting_start: now + 3600,
  meeting_duration: 1800,
  ...extra,
});

describe("oa/calendar/add", () => {
  it("makes a calendar that get returns to its app and del removes", async () => {
    const calId = await calendarOf("third-party");
    const got = await client.call(
      "oa/calendar/get",
      { cal_id_list: [calId] },
      tokens["third-party"],
    );
    expect(got).toMatchObject({
      errcode: 0,
      calendar_list: [{ cal_id: calId, summary: "会议（MeetBridge）", color: "#1F7A5C" }],
    });
    const del = await client.call("oa/calendar/del", { cal_id: calId }, tokens["third-party"]);
    expect(del.errcode).toBe(0);
    const gone = await client.call(
      "oa/calendar/get",
      { cal_id_list: [calId] },
      tokens["third-party"],
    );
    expect(gone.errcode).toBe(40058);
    expect(gone.errmsg).toContain(`no calendar ${calId}`);
  });

  const shares = (...ids: string[]) => ids.map((userid) => ({ userid, permission: 1 }));
  it.each<[string, Body, number, string]>([
    ["an empty summary", { summary: "" }, 40058, "calendar.summary"],
    ["a summary of 129 characters", { summary: "会".repeat(129) }, 40058, "calendar.summary"],
    ["a colour that is not #RRGGBB", { color: "green" }, 40058, "calendar.color"],
    ["a colour of 3 digits", { color: "#1F7" }, 40058, "calendar.color"],
    ["a description of 513 characters", { description: "x".repeat(513) }, 40058, "description"],
    [
      "4 admins",
      {
        admins: ["lihua", "sunli", "zhaolei", "wangfang"],
        shares: shares("lihua", "sunli", "zhaolei", "wangfang"),
      },
      40058,
      "calendar.admins",
    ],
    [
      "an admin not among the shares",
      { admins: ["lihua"], shares: shares("sunli") },
      40058,
      "lihua",
    ],
    [
      "2001 shares",
      { shares: Array.from({ length: 2001 }, (_, i) => ({ userid: `u${i}` })) },
      40058,
      "calendar.shares",
    ],
    ["set_as_default from a third-party app", { set_as_default: 1 }, 40058, "set_as_default"],
    ["an unknown userid among the shares", { shares: shares("nobody") }, 60111, "nobody"],
  ])("refuses %s", async (_name, over, errcode, mentions) => {
    const reply = await addCalendar("third-party", over);
    expect(reply.errcode).toBe(errcode);
    expect(reply.errmsg).toContain(mentions);
    expect(reply.cal_id).toBeUndefined();
  });

  it("refuses an admin outside the app's visible range", async () => {
    // 代开发 sees zhangwei, dengli and departments 3 and 4 only.
    const reply = await addCalendar("custom-dev", { admins: ["panyue"], shares: shares("panyue") });
    expect(reply.errcode).toBe(60011);
    expect(reply.errmsg).toContain("panyue");
  });

  it("takes set_as_default from a self-built app, and 3 admins who are also shared", async () => {
    const reply = await addCalendar("meeting-assistant", {
      set_as_default: 1,
      admins: ["lihua", "sunli", "zhaolei"],
      shares: shares("lihua", "sunli", "zhaolei"),
      description: "d".repeat(512),
    });
    expect(reply).toMatchObject({ errcode: 0 });
  });
});

describe("a calendar belongs to the app that made it", () => {
  it("is unknown to get and del from another app", async () => {
    const calId = await calendarOf("third-party");
    for (const [op, body] of [
      ["oa/calendar/get", { cal_id_list: [calId] }],
      ["oa/calendar/del", { cal_id: calId }],
    ] as const) {
      const reply = await client.call(op, body, tokens["custom-dev"]);
      expect(reply.errcode).toBe(40058);
      expect(reply.errmsg).toContain("created by another app");
    }
  });

  it("cannot hold another app's meetings", async () => {
    const calId = await calendarOf("meeting-assistant");
    const reply = await client.call(
      "meeting/create",
      meeting({ cal_id: calId }),
      tokens["custom-dev"],
    );
    expect(reply.errcode).toBe(40058);
    expect(reply.errmsg).toContain("invalid cal_id");
  });
});

describe("meeting/create and update from a third-party app", () => {
  it("refuses a create without cal_id, saying that a third-party app must name one", async () => {
    const reply = await client.call("meeting/create", meeting(), tokens["third-party"]);
    expect(reply.errcode).toBe(40058);
    expect(reply.errmsg).toContain("第三方应用必须指定cal_id");
    expect(reply.meetingid).toBeUndefined();
  });

  it("refuses a create on an unknown or deleted calendar", async () => {
    const calId = await calendarOf("third-party");
    await client.call("oa/calendar/del", { cal_id: calId }, tokens["third-party"]);
    const reply = await client.call(
      "meeting/create",
      meeting({ cal_id: calId }),
      tokens["third-party"],
    );
    expect(reply.errcode).toBe(40058);
    expect(reply.errmsg).toContain(`no calendar ${calId}`);
  });

  it("books on its own calendar, and refuses an update that leaves cal_id out", async () => {
    const calId = await calendarOf("third-party");
    const t = tokens["third-party"];
    const created = await client.call("meeting/create", meeting({ cal_id: calId }), t);
    expect(created.errcode, created.errmsg).toBe(0);
    const info = await client.call("meeting/get_info", { meetingid: created.meetingid }, t);
    expect(info.cal_id).toBe(calId);
    const bare = await client.call(
      "meeting/update",
      { meetingid: created.meetingid, title: "改" },
      t,
    );
    expect(bare.errcode).toBe(40058);
    expect(bare.errmsg).toContain("第三方应用必须指定cal_id");
    const named = { meetingid: created.meetingid, title: "改", cal_id: calId };
    expect((await client.call("meeting/update", named, t)).errcode).toBe(0);
  });

  it("leaves self-built and 代开发 apps free to book without a calendar", async () => {
    for (const key of ["meeting-assistant", "custom-dev"] as AppKey[])
      expect((await client.call("meeting/create", meeting(), tokens[key])).errcode).toBe(0);
  });
});

describe("日程接口权限", () => {
  it("answers 48002 to every calendar call once taken away, and works again once granted", async () => {
    const calId = await calendarOf("third-party");
    await client.control("apps/third-party/calendar-permission", { body: { granted: false } });
    const t = tokens["third-party"];
    for (const [op, body] of [
      ["oa/calendar/add", calendar()],
      ["oa/calendar/get", { cal_id_list: [calId] }],
      ["oa/calendar/del", { cal_id: calId }],
    ] as const) {
      const reply = await client.call(op, body, t);
      expect(reply.errcode).toBe(48002);
      expect(reply.errmsg).toContain("日程接口权限");
    }
    await client.control("apps/third-party/calendar-permission", { body: { granted: true } });
    expect((await addCalendar("third-party")).errcode).toBe(0);
  });
});
