// What the caller must never notice (token expiry, invalidation, WeCom being busy,
// a lost answer to a read) and what it must always notice (a create whose outcome is
// unknown), against the simulator over HTTP.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWecomClient } from "./client.ts";
import { WecomError, WecomUncertainError } from "./errors.ts";
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
import type { CreateMeetingInput } from "./types.ts";

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
  const dump = JSON.stringify(logs.flatMap((l) => l.entries));
  for (const secret of secretsOf(stores)) expect(dump).not.toContain(secret);
  stores = [];
  logs = [];
});

// Timeouts are generous except where a test is about timeouts: a loaded CI machine
// must not turn an ordinary call into a timeout (and a retried gettoken).
function client(key: SimAppKey, timeoutMs = 15_000) {
  const tokens = new RecordingTokenStore();
  const callLog = new MemoryCallLog();
  stores.push(tokens);
  logs.push(callLog);
  const make = (ms: number) =>
    createWecomClient(h.credentials(key), {
      tokens,
      callLog,
      timeoutMs: ms,
      retry: { baseDelayMs: 5, maxAttempts: 4 },
    });
  // `setup` shares the token cache and call log, for the steps a test is not about.
  return { client: make(timeoutMs), setup: make(15_000), callLog, tokens };
}

async function eventually(check: () => Promise<boolean>, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const booking = (): CreateMeetingInput => ({
  adminUserId: "lihua",
  title: "评审会",
  meetingStart: Math.floor(Date.now() / 1000) + 3 * 86_400,
  meetingDuration: 1800,
});
const count = async (operation: string) => (await h.requests(operation)).length;

describe("tokens", () => {
  it("makes exactly one gettoken for 100 concurrent calls on a cold cache", async () => {
    const { client: c } = client("meeting-assistant");
    const { meetingId } = await client("meeting-assistant").client.createMeeting(booking());
    await h.clearRequests();
    const infos = await Promise.all(Array.from({ length: 100 }, () => c.getMeetingInfo(meetingId)));
    expect(infos.every((i) => i.title === "评审会")).toBe(true);
    expect(await count("gettoken")).toBe(1);
    expect(await count("meeting/get_info")).toBe(100);
  });

  it("hides a token invalidated in the middle of a call (40014): one refetch, one resend", async () => {
    const { client: c, callLog } = client("custom-dev");
    const { meetingId } = await c.createMeeting(booking());
    await h.invalidateTokens();
    await h.clearRequests();
    await expect(
      Promise.all([c.getMeetingInfo(meetingId), c.getMeetingInfo(meetingId)]),
    ).resolves.toHaveLength(2);
    expect(await count("gettoken")).toBe(1);
    const refused = callLog.entries.filter((e) => e.errcode === 40014);
    expect(refused.length).toBeGreaterThan(0);
    expect(
      callLog.entries
        .filter((e) => e.operation === "meeting/get_info" && e.errcode === 0)
        .every((e) => e.attempt === 2),
    ).toBe(true);
  });

  it("hides a token that expired on WeCom's clock before ours (42001)", async () => {
    const { client: c } = client("meeting-assistant");
    const { meetingId } = await c.createMeeting(booking());
    await h.advanceClock(7_300);
    await h.clearRequests();
    await expect(c.getMeetingInfo(meetingId)).resolves.toMatchObject({ meetingId });
    const infos = await h.requests("meeting/get_info");
    expect(infos.map((r) => r.errcode)).toEqual([42001, 0]);
    expect(await count("gettoken")).toBe(1);
  });

  it("third-party: an expired suite token (42009) is refreshed while refetching the corp token", async () => {
    const { client: c } = client("third-party");
    // A third-party app books on a calendar of its own (api doc, meeting/create).
    const { calId } = await c.addCalendar({ summary: "会议（MeetBridge）", color: "#1F7A5C" });
    const { meetingId } = await c.createMeeting({ ...booking(), calId });
    expect(await count("service/get_suite_token")).toBe(1);
    await h.advanceClock(7_300);
    await h.clearRequests();
    await expect(c.getMeetingInfo(meetingId)).resolves.toMatchObject({ meetingId });
    expect((await h.requests("service/get_corp_token")).map((r) => r.errcode)).toEqual([42009, 0]);
    expect(await count("service/get_suite_token")).toBe(1);
  });

  it("third-party: invalidated corp and suite tokens (40014, then 40082) are both replaced once", async () => {
    const { client: c } = client("third-party");
    await c.getUser("lihua");
    await h.invalidateTokens();
    await h.clearRequests();
    await expect(c.getUser("lihua")).resolves.toMatchObject({ userId: "lihua" });
    expect((await h.requests("user/get")).map((r) => r.errcode)).toEqual([40014, 0]);
    expect((await h.requests("service/get_corp_token")).map((r) => r.errcode)).toEqual([40082, 0]);
    expect(await count("service/get_suite_token")).toBe(1);
  });
});

describe("retries", () => {
  it.each([-1, 45009, 45033])(
    "retries errcode %i with backoff and succeeds, even for a create",
    async (errcode) => {
      const { client: c } = client("meeting-assistant");
      await c.getUser("lihua");
      await h.fault({ operation: "meeting/create", count: 2, errcode });
      const { meetingId } = await c.createMeeting(booking());
      expect((await h.requests("meeting/create")).map((r) => r.errcode)).toEqual([
        errcode,
        errcode,
        0,
      ]);
      expect((await c.getMeetingInfo(meetingId)).status).toBe(MEETING_STATUS.booked);
    },
  );

  it("gives up after three retries and reports a retriable WecomError", async () => {
    const { client: c } = client("meeting-assistant");
    await h.fault({ operation: "meeting/get_info", count: 10, errcode: 45009 });
    const err = await c.getMeetingInfo("m").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WecomError);
    expect(err).toMatchObject({ errcode: 45009, retriable: true });
    expect(await count("meeting/get_info")).toBe(4);
    expect(describeWecomError(err, "zh-CN")).toContain("限流");
  });

  it("does not retry 60020 and tells the admin to add the egress IP", async () => {
    const { client: c } = client("custom-dev");
    await h.fault({
      operation: "meeting/create",
      count: 1,
      errcode: 60020,
      errmsg: "not allow to access from your ip, from ip: 203.0.113.9",
    });
    const err = await c.createMeeting(booking()).catch((e: unknown) => e);
    expect(err).toMatchObject({ errcode: 60020, retriable: false });
    expect(await count("meeting/create")).toBe(1);
    expect(describeWecomError(err, "en")).toMatch(/203\.0\.113\.9.*trusted IPs/);
  });

  it("resends reads after a dropped connection or a timeout", async () => {
    const { client: c, setup } = client("meeting-assistant", 500);
    const { meetingId } = await setup.createMeeting(booking());
    await h.fault({ operation: "meeting/get_info", count: 1, drop: true });
    await h.fault({ operation: "meeting/get_info", count: 1, delayMs: 1_500 });
    await expect(c.getMeetingInfo(meetingId)).resolves.toMatchObject({ meetingId });
    await h.fault({ operation: "gettoken", count: 1, drop: true });
    await h.invalidateTokens();
    await expect(c.getUser("lihua")).resolves.toMatchObject({ userId: "lihua" });
  });
});

describe("a create whose outcome is unknown", () => {
  it("is sent exactly once when it times out, raises WecomUncertainError, and can be found afterwards", async () => {
    const { client: c, setup, callLog } = client("meeting-assistant", 500);
    await setup.getUser("lihua");
    await h.fault({ operation: "meeting/create", count: 1, delayMs: 1_500 });
    const input = booking();
    const err = await c.createMeeting(input, { meetingId: "mb-1" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WecomUncertainError);
    expect(err).toMatchObject({ failure: "timeout", operation: "meeting/create" });
    expect(describeWecomError(err, "en")).toContain("unknown whether");
    // The simulator records a request when it answers, i.e. after the delay.
    await eventually(async () => (await count("meeting/create")) > 0);
    expect(await count("meeting/create")).toBe(1);
    const logged = callLog.entries.filter((e) => e.operation === "meeting/create");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ meetingId: "mb-1", httpStatus: null });
    expect(logged[0]?.error).toContain("TimeoutError");
    // The booking path reconciles instead of resending: WeCom did book it.
    const found = await setup.findMeetingsLike(input);
    expect(found).toMatchObject({ matches: [{ title: input.title }], truncated: false });
    expect(await count("meeting/create")).toBe(1);
  });

  it("is found once the meeting has started or ended, but not once cancelled", async () => {
    const { client: c, setup } = client("meeting-assistant", 500);
    await setup.getUser("lihua");
    await h.fault({ operation: "meeting/create", count: 1, delayMs: 1_500 });
    const input = booking();
    await expect(c.createMeeting(input)).rejects.toBeInstanceOf(WecomUncertainError);
    await eventually(async () => (await count("meeting/create")) > 0);
    // The reconciler may run only after the meeting started: WeCom still holds it.
    await h.advanceClock(3 * 86_400 + 60);
    const started = await setup.findMeetingsLike(input);
    expect(started.matches.map((m) => m.status)).toEqual([MEETING_STATUS.inProgress]);
    await h.advanceClock(1_800);
    const ended = await setup.findMeetingsLike(input);
    expect(ended.matches.map((m) => m.status)).toEqual([MEETING_STATUS.ended]);
    expect(await count("meeting/create")).toBe(1);
  });

  it("ignores a cancelled meeting of the same booking", async () => {
    const { client: c } = client("meeting-assistant");
    const input = booking();
    const { meetingId } = await c.createMeeting(input);
    await c.cancelMeeting({ meetingId });
    await expect(c.findMeetingsLike(input)).resolves.toEqual({ matches: [], truncated: false });
  });

  it("does not attribute the lookup calls to the caller's Meeting in the call log", async () => {
    const { client: c, callLog } = client("meeting-assistant");
    const input = booking();
    await c.createMeeting(input, { meetingId: "mb-other" });
    await c.createMeeting({ ...input, title: "另一个会" }, { meetingId: "mb-another" });
    const before = callLog.entries.length;
    const found = await c.findMeetingsLike(input, { meetingId: "mb-1" });
    expect(found.matches).toHaveLength(1);
    const lookups = callLog.entries.slice(before);
    expect(lookups.map((e) => e.operation).sort()).toEqual([
      "meeting/get_info",
      "meeting/get_info",
      "meeting/get_user_meetingid",
    ]);
    expect(lookups.every((e) => e.meetingId === null)).toBe(true);
  });

  it("is uncertain, and sent once, when the simulator fails inside the create handler (HTTP 500)", async () => {
    const { client: c } = client("meeting-assistant");
    await c.getUser("lihua");
    await h.fault({ operation: "meeting/create", count: 1, crash: "after" });
    const input = booking();
    const err = await c.createMeeting(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WecomUncertainError);
    expect(err).toMatchObject({ failure: "http_status", httpStatus: 500 });
    expect(await count("meeting/create")).toBe(1);
    // The handler had booked it before failing: reconciling finds it.
    expect((await c.findMeetingsLike(input)).matches).toHaveLength(1);
    expect(await count("meeting/create")).toBe(1);
  });

  it("is not resent after a dropped connection either (and then nothing was booked)", async () => {
    const { client: c } = client("third-party");
    await h.fault({ operation: "meeting/create", count: 1, drop: true });
    const input = booking();
    await expect(c.createMeeting(input)).rejects.toBeInstanceOf(WecomUncertainError);
    expect(await count("meeting/create")).toBe(1);
    expect(await c.findMeetingsLike(input)).toEqual({ matches: [], truncated: false });
  });
});

describe("a cancel whose answer is lost", () => {
  it("asks get_info instead of resending blindly, and resends only if it did not take", async () => {
    const { client: c } = client("meeting-assistant");
    const { meetingId } = await c.createMeeting(booking());
    await h.fault({ operation: "meeting/cancel", count: 1, drop: true });
    await expect(c.cancelMeeting({ meetingId })).resolves.toEqual({ reconciled: true });
    expect((await c.getMeetingInfo(meetingId)).status).toBe(MEETING_STATUS.cancelled);
    expect((await h.requests("meeting/cancel")).map((r) => r.errcode)).toEqual([null, 0]);
  });
});
