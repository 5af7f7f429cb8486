// WeCom as the revised api doc reads it: meeting/create answers with the meeting code
// and link (advanced create page 98148), and meeting/update defaults remind_scope to 3
// (all members) when a settings block leaves it out (api doc, meeting/update).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const create = (extra: Record<string, unknown> = {}) =>
  client.call(
    "meeting/create",
    {
      admin_userid: "zhangwei",
      title: "答复会",
      meeting_start: now + 3600,
      meeting_duration: 1800,
      ...extra,
    },
    token,
  );

describe("meeting/create's answer", () => {
  it("carries the meeting code and link that get_info reports", async () => {
    const created = await create();
    expect(created).toMatchObject({ errcode: 0, errmsg: "ok" });
    expect(created.meeting_code).toMatch(/^\d{9}$/);
    expect(created.meeting_link).toMatch(/^https:\/\//);
    const info = await client.call("meeting/get_info", { meetingid: created.meetingid }, token);
    expect(info.meeting_code).toBe(created.meeting_code);
    expect(info.meeting_link).toBe(created.meeting_link);
  });
});

describe("meeting/update's settings block", () => {
  const settingsOf = async (meetingid: unknown) =>
    (await client.call("meeting/get_info", { meetingid }, token)).settings as {
      remind_scope: number;
    };

  it("rings all members (remind_scope 3) when it leaves remind_scope out", async () => {
    const { meetingid } = await create({ settings: { remind_scope: 2 } });
    expect((await settingsOf(meetingid)).remind_scope).toBe(2);
    const updated = await client.call(
      "meeting/update",
      { meetingid, settings: { enable_waiting_room: true } },
      token,
    );
    expect(updated.errcode).toBe(0);
    expect((await settingsOf(meetingid)).remind_scope).toBe(3);
  });

  it("keeps the remind_scope it is sent", async () => {
    const { meetingid } = await create();
    const sent = { meetingid, settings: { enable_waiting_room: true, remind_scope: 2 } };
    expect((await client.call("meeting/update", sent, token)).errcode).toBe(0);
    expect((await settingsOf(meetingid)).remind_scope).toBe(2);
  });

  it("refuses ring_users sent without remind_scope, as the default 3 does not use them", async () => {
    const { meetingid } = await create({
      settings: { remind_scope: 4, ring_users: { userid: ["lihua"] } },
    });
    const reply = await client.call(
      "meeting/update",
      { meetingid, settings: { ring_users: { userid: ["lihua"] } } },
      token,
    );
    expect(reply.errcode).toBe(40058);
    expect(reply.errmsg).toContain("remind_scope");
  });

  it("leaves remind_scope alone when no settings block is sent", async () => {
    const { meetingid } = await create({ settings: { remind_scope: 1 } });
    expect((await client.call("meeting/update", { meetingid, title: "改名" }, token)).errcode).toBe(
      0,
    );
    expect((await settingsOf(meetingid)).remind_scope).toBe(1);
  });
});
