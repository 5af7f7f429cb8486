// Every operation and every refusal of the API doc, against the simulator over HTTP,
// for the three app kinds.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWecomClient } from "./client.ts";
import { WecomConfigError, WecomError } from "./errors.ts";
import { describeWecomError } from "./messages.ts";
import { MEETING_STATUS } from "./schemas.ts";
import { MemoryCallLog } from "./store/memory-call-log.ts";
import {
  RecordingTokenStore,
  secretsOf,
  startSimHarness,
  type SimAppKey,
  type SimHarness,
} from "./testing/sim-harness.ts";
import type { CreateMeetingInput, WecomAppCredentials } from "./types.ts";

let h: SimHarness;
let stores: RecordingTokenStore[] = [];
let logs: MemoryCallLog[] = [];

beforeAll(async () => {
  h = await startSimHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.reset();
});
afterEach(() => {
  // Nothing secret reaches the call log, whatever the test did.
  const dump = JSON.stringify(logs.flatMap((l) => l.entries));
  for (const secret of secretsOf(stores)) expect(dump).not.toContain(secret);
  stores = [];
  logs = [];
});

function client(app: WecomAppCredentials) {
  const tokens = new RecordingTokenStore();
  const callLog = new MemoryCallLog();
  stores.push(tokens);
  logs.push(callLog);
  return {
    client: createWecomClient(app, {
      tokens,
      callLog,
      timeoutMs: 15_000,
      retry: { baseDelayMs: 1, maxAttempts: 4 },
    }),
    callLog,
  };
}

const inTwoDays = () => Math.floor(Date.now() / 1000) + 2 * 86_400;
const booking = (over: Partial<CreateMeetingInput> = {}): CreateMeetingInput => ({
  adminUserId: "lihua",
  title: "周会 weekly",
  meetingStart: inTwoDays(),
  meetingDuration: 3600,
  description: "sync",
  location: "3F",
  inviteeUserIds: ["zhaolei", "sunli"],
  settings: { password: "123456", enableWaitingRoom: true, remindScope: 3 },
  reminders: { remindBefore: [900] },
  ...over,
});

async function refusal(p: Promise<unknown>): Promise<WecomError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WecomError);
  return err as WecomError;
}

const KINDS: [SimAppKey, string][] = [
  ["meeting-assistant", "self_built"],
  ["third-party", "third_party"],
  ["custom-dev", "custom"],
];

/** A third-party app books on a calendar of its own (api doc: "第三方应用必须指定cal_id"). */
async function calIdFor(key: SimAppKey, c: ReturnType<typeof client>["client"]) {
  if (key !== "third-party") return undefined;
  return (await c.addCalendar({ summary: "会议（MeetBridge）", color: "#1F7A5C" })).calId;
}

describe.each(KINDS)("every operation with %s (%s)", (key) => {
  it("creates, reads, lists, updates and cancels a meeting; reads the agent and a user", async () => {
    const { client: c, callLog } = client(h.credentials(key));
    const calId = await calIdFor(key, c);
    const input = booking({ calId });
    const created = await c.createMeeting(input, { meetingId: "mb-meeting-1" });
    expect(created.meetingId).toBeTruthy();

    const info = await c.getMeetingInfo(created.meetingId);
    expect(info).toMatchObject({
      meetingId: created.meetingId,
      adminUserId: "lihua",
      title: input.title,
      meetingStart: input.meetingStart,
      meetingDuration: 3600,
      status: MEETING_STATUS.booked,
    });
    expect(info.attendees.map((a) => a.userId)).toEqual(
      expect.arrayContaining(["lihua", "zhaolei", "sunli"]),
    );
    expect(info.settings?.hasPassword).toBe(true);
    expect(info.meetingCode).toBeTruthy();
    expect(info.meetingLink).toBeTruthy();

    const listed = await c.getUserMeetingIds({
      userId: "lihua",
      beginTime: input.meetingStart - 60,
      endTime: input.meetingStart + 60,
    });
    expect(listed.meetingIds).toEqual([created.meetingId]);
    expect(listed.nextCursor).toBe("");

    await c.updateMeeting({
      meetingId: created.meetingId,
      calId,
      title: "改期",
      meetingStart: input.meetingStart + 3600,
      meetingDuration: 1800,
    });
    expect(await c.getMeetingInfo(created.meetingId)).toMatchObject({
      title: "改期",
      meetingStart: input.meetingStart + 3600,
      meetingDuration: 1800,
    });

    await expect(c.cancelMeeting({ meetingId: created.meetingId })).resolves.toEqual({
      reconciled: false,
    });
    expect((await c.getMeetingInfo(created.meetingId)).status).toBe(MEETING_STATUS.cancelled);

    const agent = await c.getAgent();
    expect(agent.visibleRange.parties.length + agent.visibleRange.users.length).toBeGreaterThan(0);
    await expect(c.getUser("lihua")).resolves.toMatchObject({ userId: "lihua", name: "李华" });

    // The meeting row id lands on the create's log entry; the password never does.
    const createLog = callLog.entries.find((e) => e.operation === "meeting/create");
    expect(createLog).toMatchObject({
      meetingId: "mb-meeting-1",
      httpStatus: 200,
      errcode: 0,
      attempt: 1,
    });
    expect(createLog?.requestBody).not.toContain("123456");
    expect(createLog?.url).not.toMatch(/access_token=(?!\[REDACTED\])/);
  });

  it("refuses unknown and out-of-range userids, and invalid parameters", async () => {
    const { client: c } = client(h.credentials(key));
    const calId = await calIdFor(key, c);
    const unknown = await refusal(c.createMeeting(booking({ adminUserId: "nobody", calId })));
    expect(unknown.errcode).toBe(60111);
    expect(describeWecomError(unknown, "en", { accountName: "Nobody" })).toContain("Nobody");
    expect(
      (await refusal(c.createMeeting(booking({ inviteeUserIds: ["ghost"], calId })))).errcode,
    ).toBe(60111);
    expect((await refusal(c.getUser("ghost"))).errcode).toBe(60111);

    const invalid = await refusal(c.createMeeting(booking({ meetingDuration: 100, calId })));
    expect(invalid.errcode).toBe(40058);
    expect(invalid.retriable).toBe(false);
    const { meetingId } = await c.createMeeting(booking({ calId }));
    expect(
      (await refusal(c.updateMeeting({ meetingId, calId, title: "x".repeat(41) }))).errcode,
    ).toBe(40058);
    expect((await refusal(c.getMeetingInfo("no-such-meeting"))).errcode).toBe(40058);
  });

  it("marks a revoked authorisation with 48004", async () => {
    const { client: c } = client(h.credentials(key));
    await c.getUser("lihua");
    await h.revoke(key);
    const revoked = await refusal(c.createMeeting(booking()));
    expect(revoked.errcode).toBe(48004);
    expect(describeWecomError(revoked, "zh-CN")).toContain("授权");
  });
});

describe("calendars (third-party apps)", () => {
  it("adds, reads and deletes a calendar, and books on it only when named", async () => {
    const { client: c, callLog } = client(h.credentials("third-party"));
    const without = await refusal(c.createMeeting(booking()));
    expect(without.errcode).toBe(40058);
    expect(without.errmsg).toContain("cal_id");

    const { calId } = await c.addCalendar({ summary: "会议（MeetBridge）", color: "#1F7A5C" });
    await expect(c.getCalendars([calId])).resolves.toEqual({
      calendars: [{ calId, summary: "会议（MeetBridge）" }],
    });
    const created = await c.createMeeting(booking({ calId }));
    expect((await c.getMeetingInfo(created.meetingId)).calId).toBe(calId);
    await c.deleteCalendar(calId);
    expect((await refusal(c.getCalendars([calId]))).errcode).toBe(40058);
    expect(callLog.entries.map((e) => e.operation)).toContain("oa/calendar/add");
  });
});

describe("refusals specific to one app", () => {
  it("60011 for a member outside the visible range (行政人事部 for 会议助手)", async () => {
    const { client: c } = client(h.credentials("meeting-assistant"));
    const out = await refusal(c.createMeeting(booking({ inviteeUserIds: ["dengli"] })));
    expect(out.errcode).toBe(60011);
    expect(describeWecomError(out, "zh-CN", { accountName: "邓丽" })).toMatch(/邓丽.*会议助手/);
    expect((await refusal(c.getUser("dengli"))).errcode).toBe(60011);
  });

  it("48002 for an app without the meeting permission, while directory calls work", async () => {
    const { client: c } = client(h.credentials("notice-bot"));
    await expect(c.getUser("dengli")).resolves.toMatchObject({ userId: "dengli" });
    const forbidden = await refusal(c.createMeeting(booking()));
    expect(forbidden).toMatchObject({
      errcode: 48002,
      operation: "meeting/create",
      appKind: "self_built",
    });
    expect(describeWecomError(forbidden, "en")).toContain("App Management");
  });

  it("40001 for a wrong secret and 40013 for a wrong corpid, on each kind that has them", async () => {
    const cases: [WecomAppCredentials, number][] = [
      [h.credentials("meeting-assistant", { secret: "wrong-secret-000" }), 40001],
      [h.credentials("custom-dev", { secret: "wrong-secret-000" }), 40001],
      [h.credentials("third-party", { suiteSecret: "wrong-suite-secret" }), 40001],
      [h.credentials("meeting-assistant", { corpId: "wwunknowncorp" }), 40013],
      [h.credentials("third-party", { corpId: "wwunknowncorp" }), 40013],
    ];
    for (const [app, errcode] of cases) {
      const { client: c } = client(app);
      const err = await refusal(c.getMeetingInfo("m"));
      expect(err.errcode).toBe(errcode);
      expect(describeWecomError(err, "en")).toMatch(errcode === 40001 ? /secret/ : /corp ID/);
    }
  });

  it("says which credential is missing before calling WeCom", async () => {
    const { client: c } = client(h.credentials("third-party", { permanentCode: undefined }));
    await expect(c.getMeetingInfo("m")).rejects.toBeInstanceOf(WecomConfigError);
    await expect(
      client(h.credentials("meeting-assistant", { agentId: null })).client.getAgent(),
    ).rejects.toBeInstanceOf(WecomConfigError);
  });
});
