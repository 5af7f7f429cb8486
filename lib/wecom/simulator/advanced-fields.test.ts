// The advanced create/update fields (wecom-meeting-api.md, "Advanced create and update
// fields (self-built apps)"): accepted and echoed for self-built apps, refused from
// third-party and 代开发 apps with an errmsg that says why, and checked for agreement.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient } from "./test-client";

let sim: RunningSimulator;
let client: SimTestClient;
let now: number;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  client = new SimTestClient(sim);
});
beforeEach(async () => {
  await client.control("reset", { body: {} });
  now = await client.now();
});
afterAll(() => sim.close());

const guest = { area: "86", phone_number: "13800138000", guest_name: "外部嘉宾王五" };
const create = async (app: Parameters<SimTestClient["token"]>[0], extra: Record<string, unknown>) =>
  client.call(
    "meeting/create",
    {
      admin_userid: "zhangwei",
      title: "评审会",
      meeting_start: now + 600,
      meeting_duration: 1800,
      ...extra,
    },
    await client.token(app),
  );

describe("advanced fields from a self-built app", () => {
  it("takes phone guests and cloud recording and echoes them in get_info", async () => {
    const made = await create("meeting-assistant", {
      guests: [guest],
      settings: { auto_record_type: "cloud" },
    });
    expect(made.errcode, made.errmsg).toBe(0);
    const info = await client.call(
      "meeting/get_info",
      { meetingid: made.meetingid },
      await client.token("meeting-assistant"),
    );
    expect(info.guests).toEqual([guest]);
    expect((info.settings as Record<string, unknown>).auto_record_type).toBe("cloud");
  });

  it("refuses a guest name over 16 characters, a + in the area code, an unknown recording type", async () => {
    const long = await create("meeting-assistant", {
      guests: [{ ...guest, guest_name: "一二三四五六七八九十一二三四五六七" }],
    });
    expect(long.errcode).toBe(40058);
    expect(long.errmsg).toContain("guests.0.guest_name");
    expect(
      (await create("meeting-assistant", { guests: [{ ...guest, area: "+86" }] })).errmsg,
    ).toContain("guests.0.area");
    expect(
      (await create("meeting-assistant", { settings: { auto_record_type: "disk" } })).errmsg,
    ).toContain("settings.auto_record_type");
  });

  it("checks custom recurrence: weekdays for weekly, a count within the cap", async () => {
    const weekly = { is_repeat: 1, repeat_type: 1, is_custom_repeat: 1 };
    expect((await create("meeting-assistant", { reminders: weekly })).errmsg).toContain(
      "repeat_day_of_week",
    );
    const ok = await create("meeting-assistant", {
      reminders: {
        ...weekly,
        repeat_day_of_week: [1, 3],
        repeat_until_type: 1,
        repeat_until_count: 10,
      },
    });
    expect(ok.errcode, ok.errmsg).toBe(0);
    const tooMany = await create("meeting-assistant", {
      reminders: { is_repeat: 1, repeat_type: 2, repeat_until_type: 1, repeat_until_count: 51 },
    });
    expect(tooMany.errmsg).toContain("at most 50");
  });
});

describe("custom recurrence in get_info", () => {
  it("lists the chosen weekdays and ends after the count, with the rules in sub_repeat_list", async () => {
    const start = now + 3600;
    // 1 Monday … 7 Sunday, in the corp's zone (Asia/Shanghai).
    const weekday = new Date((start + 8 * 3600) * 1000).getUTCDay() || 7;
    const next = (weekday % 7) + 1;
    const made = await create("meeting-assistant", {
      meeting_start: start,
      reminders: {
        is_repeat: 1,
        repeat_type: 1,
        is_custom_repeat: 1,
        repeat_day_of_week: [next, weekday],
        repeat_until_type: 1,
        repeat_until_count: 6,
      },
    });
    expect(made.errcode, made.errmsg).toBe(0);
    const info = await client.call(
      "meeting/get_info",
      { meetingid: made.meetingid },
      await client.token("meeting-assistant"),
    );
    const subs = info.sub_meetings as { start_time: number }[];
    expect(subs.map((o) => o.start_time - start)).toEqual(
      [0, 1, 7, 8, 14, 15].map((d) => d * 86_400),
    );
    expect(info.has_more_sub_meeting).toBe(0);
    expect(info.sub_repeat_list).toEqual([
      expect.objectContaining({
        repeat_type: 1,
        is_custom_repeat: 1,
        repeat_day_of_week: [weekday, next].sort((a, b) => a - b),
        repeat_until_type: 1,
        repeat_until_count: 6,
      }),
    ]);
  });

  it("refuses a date end beyond the cap counted on the chosen days", async () => {
    // Every day of the week for 30 weeks: 210 occurrences, over 200.
    const reply = await create("meeting-assistant", {
      reminders: {
        is_repeat: 1,
        repeat_type: 1,
        is_custom_repeat: 1,
        repeat_day_of_week: [1, 2, 3, 4, 5, 6, 7],
        repeat_until: now + 30 * 7 * 86_400,
      },
    });
    expect(reply.errcode).toBe(40058);
    expect(reply.errmsg).toContain("at most 200");
  });
});

describe("advanced fields from other app kinds", () => {
  it.each<[Parameters<SimTestClient["token"]>[0], Record<string, unknown>, string]>([
    ["third-party", { guests: [guest] }, "guests"],
    ["custom-dev", { settings: { auto_record_type: "local" } }, "settings.auto_record_type"],
    [
      "third-party",
      { reminders: { is_repeat: 1, repeat_type: 1, is_custom_repeat: 1, repeat_day_of_week: [2] } },
      "reminders.is_custom_repeat",
    ],
    [
      "custom-dev",
      { reminders: { is_repeat: 1, repeat_type: 1, repeat_until_type: 1, repeat_until_count: 5 } },
      "reminders.repeat_until_type",
    ],
  ])("refuses them from %s (%j)", async (app, extra, field) => {
    const reply = await create(app, extra);
    expect(reply.errcode).toBe(40058);
    expect(reply.errmsg).toContain(field);
    expect(reply.errmsg).toContain("self-built apps only");
  });
});
