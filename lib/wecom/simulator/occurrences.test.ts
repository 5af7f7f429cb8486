// Conformance of one occurrence of a series (wecom-meeting-api.md, meeting/cancel with
// sub_meetingid, get_info's sub_meetings): stable ids, a bounded page with has_more, the
// cancel rules, the member page's control, and the ticker skipping a cancelled occurrence.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { transitions } from "./callback-ticker";
import { subMeetingId } from "./occurrence-id";
import { SUB_MEETINGS_PAGE } from "./occurrences";
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
  token = await client.token("meeting-assistant");
  now = await client.now();
});
afterAll(() => sim.close());

type Sub = { sub_meetingid: string; status: number; start_time: number; end_time: number };

async function series(days: number, app = token): Promise<string> {
  const reply = await client.call(
    "meeting/create",
    {
      admin_userid: "zhangwei",
      title: "晨会",
      meeting_start: now + 600,
      meeting_duration: 900,
      invitees: { userid: ["lihua"] },
      reminders: { is_repeat: 1, repeat_type: 0, repeat_until: now + 600 + (days - 1) * 86_400 },
    },
    app,
  );
  expect(reply.errcode, reply.errmsg).toBe(0);
  return String(reply.meetingid);
}
const info = (meetingid: string, t = token) => client.call("meeting/get_info", { meetingid }, t);
const subsOf = async (id: string) => (await info(id)).sub_meetings as Sub[];
const cancel = (meetingid: string, sub_meetingid: string, t = token) =>
  client.call("meeting/cancel", { meetingid, sub_meetingid }, t);

describe("sub_meetingid", () => {
  it("is the same on every read, derived from the series and the start, and unique across series", async () => {
    const a = await series(3);
    const b = await series(3);
    const first = await subsOf(a);
    expect(await subsOf(a)).toEqual(first);
    expect(first.map((s) => s.sub_meetingid)).toEqual(
      first.map((s) => subMeetingId(a, s.start_time)),
    );
    const other = (await subsOf(b)).map((s) => s.sub_meetingid);
    expect(other.some((id) => first.some((s) => s.sub_meetingid === id))).toBe(false);
    expect(new Set(first.map((s) => s.sub_meetingid)).size).toBe(3);
  });
});

describe("get_info lists occurrences as the doc says", () => {
  it("gives a bounded page with has_more, the remaining count, the current one and the rules", async () => {
    const id = await series(30);
    const got = await info(id);
    const subs = got.sub_meetings as (Sub & { title: string; repeat_id: string })[];
    expect(subs).toHaveLength(SUB_MEETINGS_PAGE);
    expect(got.has_more_sub_meeting).toBe(1);
    expect(got.remain_sub_meetings).toBe(30);
    expect(got.current_sub_meetingid).toBe(subs[0]!.sub_meetingid);
    expect(subs[0]).toMatchObject({ title: "晨会", start_time: now + 600, end_time: now + 1500 });
    const rules = got.sub_repeat_list as { repeat_id: string; repeat_type: number }[];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ repeat_type: 0, repeat_until: now + 600 + 29 * 86_400 });
    expect(subs.every((s) => s.repeat_id === rules[0]!.repeat_id)).toBe(true);
  });

  it("moves the page along with the clock, and ends has_more at the last page", async () => {
    const id = await series(12);
    await client.advance(5 * 86_400);
    token = await client.token("meeting-assistant");
    const got = await info(id);
    const subs = got.sub_meetings as Sub[];
    expect(subs[0]!.start_time).toBe(now + 600 + 5 * 86_400);
    expect(subs).toHaveLength(7);
    expect(got.has_more_sub_meeting).toBe(0);
    expect(got.remain_sub_meetings).toBe(7);
  });
});

describe("meeting/cancel with sub_meetingid", () => {
  it("cancels one booked occurrence: listed as status 4, no longer counted, refused twice", async () => {
    const id = await series(5);
    const third = (await subsOf(id))[2]!.sub_meetingid;
    expect((await cancel(id, third)).errcode).toBe(0);
    const got = await info(id);
    expect(got.status).toBe(1);
    expect((got.sub_meetings as Sub[]).map((s) => s.status)).toEqual([1, 1, 4, 1, 1]);
    expect(got.remain_sub_meetings).toBe(4);
    const again = await cancel(id, third);
    expect(again.errcode).toBe(40058);
    expect(again.errmsg).toContain("cancelled");
  });

  it("refuses an occurrence in progress or ended, yet cancels a later one while one runs", async () => {
    const id = await series(3);
    const subs = await subsOf(id);
    await client.advance(700);
    const running = await cancel(id, subs[0]!.sub_meetingid);
    expect(running.errcode).toBe(40058);
    expect(running.errmsg).toContain("in progress");
    expect((await cancel(id, subs[1]!.sub_meetingid)).errcode).toBe(0);
    await client.advance(900);
    expect((await cancel(id, subs[0]!.sub_meetingid)).errmsg).toContain("ended");
  });

  it("is refused for another app's series, an unknown id and a cancelled series", async () => {
    const id = await series(3);
    const sub = (await subsOf(id))[1]!.sub_meetingid;
    const foreign = await cancel(id, sub, await client.token("third-party"));
    expect(foreign.errcode).toBe(40058);
    expect(foreign.errmsg).toContain("another app");
    expect((await cancel(id, "000000000000001")).errmsg).toContain("not an occurrence");
    await client.call("meeting/cancel", { meetingid: id }, token);
    expect((await cancel(id, sub)).errmsg).toContain("cancelled");
  });
});

describe("a member cancels one occurrence in the WeCom client", () => {
  it("shows it cancelled on the member page, and get_info reports it", async () => {
    const id = await series(4);
    const sub = (await subsOf(id))[2]!.sub_meetingid;
    const form = new URLSearchParams({ action: "cancel_occurrence", sub_meetingid: sub });
    const posted = await fetch(`${sim.url}/__sim/members/zhangwei/meetings/${id}`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    expect(posted.status).toBe(303);
    expect((await subsOf(id)).map((s) => s.status)).toEqual([1, 1, 4, 1]);
    const page = await (await fetch(`${sim.url}/__sim/members/lihua`)).text();
    const row = new RegExp(`data-sub-meetingid="${sub}">[\\s\\S]*?</tr>`).exec(page)?.[0];
    expect(row).toContain("已取消");
    // Not the administrator: lihua's page offers no cancel button.
    expect(page).not.toContain("取消这一次");
  });
});

describe("the callback ticker", () => {
  it("sends no meeting_start for a cancelled occurrence", () => {
    const m = {
      cancelled: false,
      meeting_start: 1000,
    } as Parameters<typeof transitions>[0];
    const list = [
      { sub_meetingid: "a", start: 1000, end: 1900, cancelled: false },
      { sub_meetingid: "b", start: 2000, end: 2900, cancelled: true },
    ];
    expect(transitions(m, 1950, 2950, "Asia/Shanghai", list)).toEqual([]);
    expect(transitions(m, 950, 1950, "Asia/Shanghai", list).map((t) => t.type)).toEqual([
      "meeting_start",
      "meeting_end",
    ]);
  });
});
