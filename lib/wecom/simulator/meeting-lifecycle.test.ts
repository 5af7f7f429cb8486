// A meeting's life after create: the get_info echo, status moving with the clock,
// update and cancel rules, and which app may touch it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SIM_CORP_ID } from "./seed-data";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient, type WeComReply } from "./test-client";

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
  token = await client.token("meeting-assistant");
  now = await client.now();
});
afterAll(() => sim.close());

async function create(extra: Record<string, unknown> = {}): Promise<string> {
  const reply = await client.call(
    "meeting/create",
    {
      admin_userid: "zhangwei",
      title: "评审会",
      meeting_start: now + 600,
      meeting_duration: 600,
      ...extra,
    },
    token,
  );
  expect(reply.errcode, reply.errmsg).toBe(0);
  return String(reply.meetingid);
}
const info = (meetingid: string, t = token) => client.call("meeting/get_info", { meetingid }, t);
const status = async (meetingid: string) => (await info(meetingid)).status;

describe("meeting/get_info", () => {
  it("echoes the booking and adds status, type, code, link and attendees", async () => {
    // Hosts need the corp's paid advanced features.
    await client.control(`corps/${SIM_CORP_ID}/settings`, { body: { paidEdition: true } });
    const id = await create({
      description: "讨论 Q3 计划",
      location: "3号会议室",
      invitees: { userid: ["lihua", "sunli", "lihua"] },
      settings: {
        password: "2468",
        remind_scope: 4,
        ring_users: { userid: ["sunli"] },
        hosts: { userid: ["zhangwei", "wangfang"] },
      },
      reminders: { remind_before: [300] },
    });
    const got = await info(id);
    expect(got).toMatchObject({
      errcode: 0,
      admin_userid: "zhangwei",
      title: "评审会",
      meeting_start: now + 600,
      meeting_duration: 600,
      description: "讨论 Q3 计划",
      location: "3号会议室",
      status: 1,
      meeting_type: 0,
      settings: {
        password: "2468",
        remind_scope: 4,
        enable_waiting_room: false,
        allow_enter_before_host: true,
        enable_enter_mute: 2,
        allow_external_user: true,
        // The creator is dropped from the hosts.
        hosts: { userid: ["wangfang"] },
        ring_users: { userid: ["sunli"] },
      },
      reminders: { is_repeat: 0, remind_before: [300] },
    });
    expect(got.meeting_code).toMatch(/^\d{9}$/);
    expect(got.meeting_link).toMatch(/^https:\/\/meeting\.tencent\.com\/dm\/\S+$/);
    expect(got.attendees).toEqual({
      member: [
        { userid: "zhangwei", status: 2 },
        { userid: "wangfang", status: 2 },
        { userid: "lihua", status: 2 },
        { userid: "sunli", status: 2 },
      ],
    });
  });

  it("refuses an unknown meetingid and another app's meeting with 40058", async () => {
    const id = await create();
    const unknown = await info("hy-no-such-meeting");
    expect(unknown.errcode).toBe(40058);
    expect(unknown.errmsg).toContain("hy-no-such-meeting");
    const other = await info(id, await client.token("custom-dev"));
    expect(other.errcode).toBe(40058);
    expect(other.errmsg).toContain("another app");
  });
});

describe("status follows the simulator clock", () => {
  it("goes booked → in progress → ended, and the admin attends once it starts", async () => {
    const id = await create();
    expect(await status(id)).toBe(1);
    await client.advance(600);
    const live = await info(id);
    expect(live.status).toBe(2);
    expect((live.attendees as { member: { userid: string; status: number }[] }).member[0]).toEqual({
      userid: "zhangwei",
      status: 1,
    });
    await client.advance(600);
    expect(await status(id)).toBe(3);
  });

  it("keeps a recurring series booked between occurrences and ends it after the last", async () => {
    const id = await create({
      reminders: { is_repeat: 1, repeat_type: 1, repeat_until: now + 600 + 14 * 86_400 },
    });
    const got = await info(id);
    expect(got.meeting_type).toBe(1);
    expect((got.sub_meetings as unknown[]).length).toBe(3);
    await client.advance(900);
    expect(await status(id)).toBe(2);
    await client.advance(3600);
    expect(await status(id)).toBe(1);
    await client.advance(14 * 86_400);
    // Two weeks on, the old access_token has long expired.
    token = await client.token("meeting-assistant");
    expect(await status(id)).toBe(3);
  });

  it("refuses to update or cancel a meeting in progress or ended", async () => {
    const id = await create();
    await client.advance(700);
    const update = await client.call("meeting/update", { meetingid: id, title: "改" }, token);
    expect(update.errcode).toBe(40058);
    expect(update.errmsg).toContain("status 2");
    await client.advance(600);
    const cancel = await client.call("meeting/cancel", { meetingid: id }, token);
    expect(cancel.errcode).toBe(40058);
    expect(cancel.errmsg).toContain("status 3");
  });
});

describe("meeting/update", () => {
  const update = (body: Record<string, unknown>, t = token): Promise<WeComReply> =>
    client.call("meeting/update", body, t);

  it("changes the fields sent and leaves the others", async () => {
    const id = await create({ location: "A", invitees: { userid: ["lihua"] } });
    const reply = await update({
      meetingid: id,
      title: "新标题",
      meeting_start: now + 7200,
      meeting_duration: 900,
    });
    expect(reply).toMatchObject({ errcode: 0, errmsg: "ok" });
    expect(await info(id)).toMatchObject({
      title: "新标题",
      meeting_start: now + 7200,
      meeting_duration: 900,
      location: "A",
    });
  });

  it.each([
    ["admin_userid", { admin_userid: "lihua" }, "admin_userid"],
    ["agentid", { agentid: 1000002 }, "agentid"],
    ["meeting_start without meeting_duration", { meeting_start: 0 }, "meeting_start"],
    ["meeting_duration without meeting_start", { meeting_duration: 900 }, "meeting_duration"],
    ["a start in the past", { meeting_start: 1, meeting_duration: 900 }, "meeting_start"],
    ["a title over 40 units", { title: "长".repeat(21) }, "title"],
    [
      "a start decades ahead",
      { meeting_start: 4_000_000_000, meeting_duration: 900 },
      "invalid meeting_start",
    ],
    [
      "a repeat_until beyond any real date",
      { reminders: { is_repeat: 1, repeat_until: 8_640_000_000_001 } },
      "reminders.repeat_until",
    ],
    ["a cal_id no calendar of this app has", { cal_id: "cal-1" }, "invalid cal_id"],
    [
      "hosts on a corp without the paid edition",
      { settings: { hosts: { userid: ["wangfang"] } } },
      "hosts need WeCom's paid advanced features",
    ],
  ])("refuses %s with 40058", async (_name, extra, mentions) => {
    const id = await create();
    const reply = await update({ meetingid: id, ...extra });
    expect(reply.errcode).toBe(40058);
    expect(reply.errmsg).toContain(mentions);
    expect((await info(id)).title).toBe("评审会");
  });

  it("refuses an invitee outside the visible range and keeps the meeting as it was", async () => {
    const id = await create({ invitees: { userid: ["lihua"] } });
    const reply = await update({ meetingid: id, invitees: { userid: ["lihua", "tianjing"] } });
    expect(reply.errcode).toBe(60011);
    expect(reply.errmsg).toContain("tianjing");
    expect((await info(id)).attendees).toEqual({
      member: [
        { userid: "zhangwei", status: 2 },
        { userid: "lihua", status: 2 },
      ],
    });
  });

  it("replaces a settings block as a whole", async () => {
    const id = await create({ settings: { password: "1234", enable_waiting_room: true } });
    expect(
      (await update({ meetingid: id, settings: { enable_waiting_room: true, remind_scope: 1 } }))
        .errcode,
    ).toBe(0);
    const settings = (await info(id)).settings as Record<string, unknown>;
    expect(settings.password).toBeUndefined();
    expect(settings.remind_scope).toBe(1);
  });

  it("is refused for a meeting of another app, and for unknown or cancelled meetings", async () => {
    const id = await create();
    const foreign = await update({ meetingid: id, title: "x" }, await client.token("custom-dev"));
    expect(foreign.errcode).toBe(40058);
    expect(foreign.errmsg).toContain("another app");
    expect((await update({ meetingid: "hy-missing", title: "x" })).errcode).toBe(40058);
    await client.call("meeting/cancel", { meetingid: id }, token);
    const cancelled = await update({ meetingid: id, title: "x" });
    expect(cancelled.errcode).toBe(40058);
    expect(cancelled.errmsg).toContain("cancelled");
  });
});

describe("meeting/cancel", () => {
  it("cancels a booked meeting once; a second cancel is refused", async () => {
    const id = await create();
    expect((await client.call("meeting/cancel", { meetingid: id }, token)).errcode).toBe(0);
    expect(await status(id)).toBe(4);
    expect((await client.call("meeting/cancel", { meetingid: id }, token)).errcode).toBe(40058);
  });

  it("cancels one occurrence of a series with sub_meetingid", async () => {
    const id = await create({
      reminders: { is_repeat: 1, repeat_type: 0, repeat_until: now + 600 + 2 * 86_400 },
    });
    const subs = (await info(id)).sub_meetings as { sub_meetingid: string }[];
    const second = subs[1]!.sub_meetingid;
    expect(
      (await client.call("meeting/cancel", { meetingid: id, sub_meetingid: second }, token))
        .errcode,
    ).toBe(0);
    const got = await info(id);
    expect(got.status).toBe(1);
    expect(
      (got.sub_meetings as { sub_meetingid: string; status: number }[]).map((s) => s.status),
    ).toEqual([1, 4, 1]);
    expect(
      (await client.call("meeting/cancel", { meetingid: id, sub_meetingid: second }, token))
        .errcode,
    ).toBe(40058);
    expect(
      (await client.call("meeting/cancel", { meetingid: id, sub_meetingid: "123" }, token)).errcode,
    ).toBe(40058);
  });

  it("refuses sub_meetingid on a one-off meeting and cancels only the creating app's meetings", async () => {
    const id = await create();
    const sub = await client.call(
      "meeting/cancel",
      { meetingid: id, sub_meetingid: String(now + 600) },
      token,
    );
    expect(sub.errcode).toBe(40058);
    expect(sub.errmsg).toContain("not recurring");
    const foreign = await client.call(
      "meeting/cancel",
      { meetingid: id },
      await client.token("third-party"),
    );
    expect(foreign.errcode).toBe(40058);
    expect(await status(id)).toBe(1);
  });
});
