// Every rule of the meeting/create table in wecom-meeting-api.md: invalid bookings are
// refused with the documented errcode and naming the field or user, valid ones accepted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MEETING_START_MAX_AHEAD_SEC,
  MEETING_TIME_MAX_SEC,
  occurrenceStarts,
  REPEAT_UNTIL_MAX_AFTER_START_SEC,
} from "../rules";
import { SIM_CORP_ID } from "./seed-data";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient } from "./test-client";

let sim: RunningSimulator;
let client: SimTestClient;
let token: string;
let now: number;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  client = new SimTestClient(sim);
  token = await client.token("meeting-assistant");
  now = await client.now();
});
afterAll(() => sim.close());

const DAY = 86_400;
type Body = Record<string, unknown>;
// Bodies are built lazily: the start times depend on the simulator's clock.
const base = (): Body => ({
  admin_userid: "zhangwei",
  title: "项目周会",
  meeting_start: now + 3600,
  meeting_duration: 1800,
});
const withSettings = (settings: Body) => (): Body => ({ ...base(), settings });
const withReminders = (reminders: (start: number) => Body) => (): Body => ({
  ...base(),
  reminders: reminders(now + 3600),
});
const without = (field: string) => (): Body => {
  const b = base();
  delete b[field];
  return b;
};
const patch = (p: (start: number) => Body) => (): Body => ({ ...base(), ...p(now + 3600) });
/** The start of a monthly series' n-th occurrence (months without the day are skipped). */
const nthMonthly = (start: number, n: number) =>
  occurrenceStarts({ startSec: start, repeatType: 2 }, n).at(-1);
const users = (...ids: string[]) => ({ userid: ids });

const refused: [string, () => Body, number, string][] = [
  ["missing admin_userid", without("admin_userid"), 40058, "admin_userid"],
  ["missing title", without("title"), 40058, "title"],
  ["blank title", patch(() => ({ title: "   " })), 40058, "title"],
  [
    "title of 21 CJK characters (42 units)",
    patch(() => ({ title: "会".repeat(21) })),
    40058,
    "title",
  ],
  ["title of 41 ASCII characters", patch(() => ({ title: "a".repeat(41) })), 40058, "title"],
  [
    "title of 20 emoji plus one letter",
    patch(() => ({ title: "😀".repeat(20) + "a" })),
    40058,
    "title",
  ],
  ["missing meeting_start", without("meeting_start"), 40058, "meeting_start"],
  ["meeting_start equal to now", patch(() => ({ meeting_start: now })), 40058, "meeting_start"],
  ["meeting_start in the past", patch(() => ({ meeting_start: now - 60 })), 40058, "meeting_start"],
  [
    "meeting_start as a string",
    patch((s) => ({ meeting_start: String(s) })),
    40058,
    "meeting_start",
  ],
  [
    // An hour over, so the real time passing during the run cannot make it acceptable.
    "meeting_start more than a year ahead",
    patch(() => ({ meeting_start: now + MEETING_START_MAX_AHEAD_SEC + 3600 })),
    40058,
    "invalid meeting_start",
  ],
  [
    "meeting_start beyond any date JavaScript can hold",
    patch(() => ({ meeting_start: 9_000_000_000_000 })),
    40058,
    "meeting_start",
  ],
  ["missing meeting_duration", without("meeting_duration"), 40058, "meeting_duration"],
  ["meeting_duration 299", patch(() => ({ meeting_duration: 299 })), 40058, "meeting_duration"],
  ["meeting_duration 86400", patch(() => ({ meeting_duration: 86400 })), 40058, "meeting_duration"],
  [
    "meeting_duration not whole",
    patch(() => ({ meeting_duration: 1800.5 })),
    40058,
    "meeting_duration",
  ],
  [
    "description of 501 bytes",
    patch(() => ({ description: "d".repeat(501) })),
    40058,
    "description",
  ],
  [
    "description of 167 CJK characters (501 bytes)",
    patch(() => ({ description: "会".repeat(167) })),
    40058,
    "description",
  ],
  ["location of 129 characters", patch(() => ({ location: "室".repeat(129) })), 40058, "location"],
  ["password of 3 digits", withSettings({ password: "123" }), 40058, "settings.password"],
  ["password of 7 digits", withSettings({ password: "1234567" }), 40058, "settings.password"],
  ["password with letters", withSettings({ password: "12ab" }), 40058, "settings.password"],
  ["password as a number", withSettings({ password: 1234 }), 40058, "settings.password"],
  [
    "enable_waiting_room as a string",
    withSettings({ enable_waiting_room: "true" }),
    40058,
    "settings.enable_waiting_room",
  ],
  [
    "allow_enter_before_host as 1",
    withSettings({ allow_enter_before_host: 1 }),
    40058,
    "settings.allow_enter_before_host",
  ],
  [
    "allow_external_user as a string",
    withSettings({ allow_external_user: "false" }),
    40058,
    "settings.allow_external_user",
  ],
  [
    "enable_screen_watermark as 0",
    withSettings({ enable_screen_watermark: 0 }),
    40058,
    "settings.enable_screen_watermark",
  ],
  ["remind_scope 0", withSettings({ remind_scope: 0 }), 40058, "settings.remind_scope"],
  ["remind_scope 5", withSettings({ remind_scope: 5 }), 40058, "settings.remind_scope"],
  [
    "enable_enter_mute 3",
    withSettings({ enable_enter_mute: 3 }),
    40058,
    "settings.enable_enter_mute",
  ],
  [
    "hosts on a corp without the paid edition",
    withSettings({ hosts: users("lihua") }),
    40058,
    "hosts need WeCom's paid advanced features",
  ],
  [
    "ring_users without remind_scope 4",
    withSettings({ remind_scope: 3, ring_users: users("lihua") }),
    40058,
    "settings.ring_users",
  ],
  [
    "remind_scope 4 without ring_users",
    withSettings({ remind_scope: 4 }),
    40058,
    "settings.ring_users",
  ],
  [
    "101 invitees",
    patch(() => ({ invitees: users(...Array<string>(101).fill("lihua")) })),
    40058,
    "invitees",
  ],
  [
    "an unknown invitee among valid ones",
    patch(() => ({ invitees: users("lihua", "nobody", "sunli") })),
    60111,
    "nobody",
  ],
  [
    "an invitee outside the visible range",
    patch(() => ({ invitees: users("lihua", "dengli") })),
    60011,
    "dengli",
  ],
  ["an unknown admin", patch(() => ({ admin_userid: "ghost" })), 60111, "ghost"],
  [
    "an admin outside the visible range",
    patch(() => ({ admin_userid: "xiaoming" })),
    60011,
    "xiaoming",
  ],
  [
    "a ring user outside the visible range",
    withSettings({ remind_scope: 4, ring_users: users("duwei") }),
    60011,
    "duwei",
  ],
  ["is_repeat 2", withReminders(() => ({ is_repeat: 2 })), 40058, "reminders.is_repeat"],
  [
    "repeat_type 3",
    withReminders(() => ({ is_repeat: 1, repeat_type: 3 })),
    40058,
    "reminders.repeat_type",
  ],
  [
    "repeat_interval 3",
    withReminders(() => ({ is_repeat: 1, repeat_type: 1, repeat_interval: 3 })),
    40058,
    "reminders.repeat_interval",
  ],
  [
    "repeat_interval on a daily series",
    withReminders(() => ({ is_repeat: 1, repeat_type: 0, repeat_interval: 2 })),
    40058,
    "reminders.repeat_interval",
  ],
  [
    "repeat_until before the start",
    withReminders((s) => ({ is_repeat: 1, repeat_until: s - 60 })),
    40058,
    "reminders.repeat_until",
  ],
  [
    "repeat_until more than 10 years after the start",
    withReminders((s) => ({
      is_repeat: 1,
      repeat_type: 2,
      repeat_until: s + REPEAT_UNTIL_MAX_AFTER_START_SEC + DAY,
    })),
    40058,
    "invalid reminders.repeat_until",
  ],
  [
    // Beyond what a Date can hold: the occurrence count was NaN, and NaN > 200 is false.
    "repeat_until beyond any real date",
    withReminders(() => ({ is_repeat: 1, repeat_type: 0, repeat_until: 8_640_000_000_001 })),
    40058,
    "reminders.repeat_until",
  ],
  [
    "repeat_until after 2099 even with is_repeat 0",
    withReminders(() => ({ is_repeat: 0, repeat_until: MEETING_TIME_MAX_SEC + 1 })),
    40058,
    "reminders.repeat_until",
  ],
  [
    "201 daily occurrences",
    withReminders((s) => ({ is_repeat: 1, repeat_type: 0, repeat_until: s + 200 * DAY })),
    40058,
    "201 occurrences",
  ],
  [
    "201 weekly occurrences",
    withReminders((s) => ({ is_repeat: 1, repeat_type: 1, repeat_until: s + 200 * 7 * DAY })),
    40058,
    "reminders.repeat_until",
  ],
  [
    "51 every-other-week occurrences",
    withReminders((s) => ({
      is_repeat: 1,
      repeat_type: 1,
      repeat_interval: 2,
      repeat_until: s + 50 * 14 * DAY,
    })),
    40058,
    "reminders.repeat_until",
  ],
  [
    "51 monthly occurrences",
    withReminders((s) => ({ is_repeat: 1, repeat_type: 2, repeat_until: nthMonthly(s, 51) })),
    40058,
    "51 occurrences",
  ],
  [
    "a bad repeat_type even with is_repeat 0",
    withReminders(() => ({ is_repeat: 0, repeat_type: 5 })),
    40058,
    "reminders.repeat_type",
  ],
  [
    "remind_before 60",
    withReminders(() => ({ remind_before: [300, 60] })),
    40058,
    "reminders.remind_before",
  ],
  ["cal_id of 65 bytes", patch(() => ({ cal_id: "c".repeat(65) })), 40058, "cal_id"],
  [
    "a cal_id of no calendar (calendars.test.ts has the calendar rules)",
    patch(() => ({ cal_id: "cal-1" })),
    40058,
    "invalid cal_id: no calendar cal-1",
  ],
  ["another app's agentid", patch(() => ({ agentid: 1000003 })), 40056, "agentid"],
];

const accepted: [string, () => Body][] = [
  ["the required fields only", base],
  ["a title of exactly 40 units (20 CJK)", patch(() => ({ title: "会".repeat(20) }))],
  ["a title of 40 ASCII characters", patch(() => ({ title: "a".repeat(40) }))],
  ["the shortest duration", patch(() => ({ meeting_duration: 300 }))],
  ["the longest duration", patch(() => ({ meeting_duration: 86399 }))],
  [
    "a start exactly a year ahead (the simulator clock only moves on)",
    patch(() => ({ meeting_start: now + MEETING_START_MAX_AHEAD_SEC })),
  ],
  ["a description of exactly 500 bytes", patch(() => ({ description: "会".repeat(166) + "ab" }))],
  ["a location of 128 emoji", patch(() => ({ location: "😀".repeat(128) }))],
  ["a 4-digit password", withSettings({ password: "0123" })],
  ["a 6-digit password", withSettings({ password: "987654" })],
  [
    "every setting",
    withSettings({
      enable_waiting_room: true,
      allow_enter_before_host: false,
      remind_scope: 3,
      enable_enter_mute: 1,
      allow_external_user: false,
      enable_screen_watermark: true,
    }),
  ],
  ["an empty hosts list on a corp without the paid edition", withSettings({ hosts: users() })],
  ["an empty cal_id", patch(() => ({ cal_id: "" }))],
  [
    "ring users with remind_scope 4",
    withSettings({ remind_scope: 4, ring_users: users("lihua", "sunli") }),
  ],
  ["100 invitees", patch(() => ({ invitees: users(...Array<string>(100).fill("sunli")) }))],
  [
    "exactly 200 daily occurrences",
    withReminders((s) => ({ is_repeat: 1, repeat_type: 0, repeat_until: s + 199 * DAY })),
  ],
  [
    "exactly 50 monthly occurrences",
    withReminders((s) => ({ is_repeat: 1, repeat_type: 2, repeat_until: nthMonthly(s, 50) })),
  ],
  [
    "exactly 50 every-other-week occurrences",
    withReminders((s) => ({
      is_repeat: 1,
      repeat_type: 1,
      repeat_interval: 2,
      repeat_until: s + 49 * 14 * DAY,
    })),
  ],
  [
    "a workday series without repeat_until",
    withReminders(() => ({ is_repeat: 1, repeat_type: 7 })),
  ],
  [
    "repeat fields ignored with is_repeat 0",
    withReminders((s) => ({
      is_repeat: 0,
      repeat_type: 2,
      repeat_interval: 2,
      repeat_until: s - DAY,
    })),
  ],
  [
    "every remind_before value",
    withReminders(() => ({ remind_before: [0, 300, 900, 3600, 86400] })),
  ],
  ["the calling app's own agentid", patch(() => ({ agentid: 1000002 }))],
];

describe("meeting/create refuses", () => {
  it.each(refused)("%s", async (_name, body, errcode, mentions) => {
    const reply = await client.call("meeting/create", body(), token);
    expect(reply.errcode).toBe(errcode);
    expect(reply.errmsg).toContain(mentions);
    expect(reply.meetingid).toBeUndefined();
  });

  it("a body that is not JSON, or not an object, with 47001", async () => {
    expect((await client.call("meeting/create", "{not json", token)).errcode).toBe(47001);
    expect((await client.call("meeting/create", [base()], token)).errcode).toBe(47001);
  });
});

describe("meeting/create accepts", () => {
  it.each(accepted)("%s", async (_name, body) => {
    const reply = await client.call("meeting/create", body(), token);
    expect(reply).toMatchObject({ errcode: 0, errmsg: "ok" });
    expect(reply.meetingid).toMatch(/^hy[\w-]{10,}$/);
    expect(reply.excess_users).toBeUndefined();
  });
});

// Hosts need the corp's paid advanced features (API doc): these run on a paid edition.
const refusedWithHosts: [string, () => Body, number, string][] = [
  [
    "11 hosts",
    withSettings({
      hosts: users(
        ..."lihua zhaolei sunli zhouqiang wuhao zhengshuang fengxue chenming yangfan hejun xuqing".split(
          " ",
        ),
      ),
    }),
    40058,
    "settings.hosts",
  ],
  ["an unknown host", withSettings({ hosts: users("nobody") }), 60111, "nobody"],
];

describe("meeting/create on a paid edition", () => {
  beforeAll(() => client.control(`corps/${SIM_CORP_ID}/settings`, { body: { paidEdition: true } }));
  afterAll(() => client.control(`corps/${SIM_CORP_ID}/settings`, { body: { paidEdition: false } }));

  it.each(refusedWithHosts)("refuses %s", async (_name, body, errcode, mentions) => {
    const reply = await client.call("meeting/create", body(), token);
    expect(reply.errcode).toBe(errcode);
    expect(reply.errmsg).toContain(mentions);
    expect(reply.meetingid).toBeUndefined();
  });

  it("accepts 10 hosts including the creator", async () => {
    const reply = await client.call(
      "meeting/create",
      withSettings({
        hosts: users(
          ..."zhangwei lihua zhaolei sunli zhouqiang wuhao zhengshuang fengxue chenming yangfan".split(
            " ",
          ),
        ),
      })(),
      token,
    );
    expect(reply).toMatchObject({ errcode: 0, errmsg: "ok" });
  });
});
