// A series' occurrences as the client reads them: the documented get_info answer (API doc,
// meeting/get_info: sub_meetings, has_more_sub_meeting, remain_sub_meetings,
// current_sub_meetingid) and, against the simulator, cancelling one with sub_meetingid.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWecomClient } from "./client.ts";
import { meetingInfoSchema } from "./schemas.ts";
import { MemoryCallLog } from "./store/memory-call-log.ts";
import { RecordingTokenStore, startSimHarness, type SimHarness } from "./testing/sim-harness.ts";

describe("get_info's occurrences", () => {
  const documented = {
    errcode: 0,
    errmsg: "ok",
    admin_userid: "lihua",
    title: "周会",
    meeting_start: 1_900_000_000,
    meeting_duration: 3600,
    status: 1,
    meeting_type: 1,
    sub_meetings: [
      {
        sub_meetingid: "1900000000",
        status: 1,
        start_time: 1_900_000_000,
        end_time: 1_900_003_600,
        title: "周会",
        repeat_id: "r1",
      },
      {
        sub_meetingid: 1_900_604_800,
        status: 4,
        start_time: 1_900_604_800,
        end_time: 1_900_608_400,
      },
    ],
    has_more_sub_meeting: 1,
    remain_sub_meetings: 7,
    current_sub_meetingid: "1900000000",
    sub_repeat_list: [{ repeat_id: "r1", repeat_type: 1, repeat_until: 1_905_000_000 }],
  };

  it("parses sub_meetings (ids as strings even when sent as numbers) and says more may follow", () => {
    const info = meetingInfoSchema.parse(documented);
    expect(info.subMeetings).toEqual([
      { subMeetingId: "1900000000", status: 1, startTime: 1_900_000_000, endTime: 1_900_003_600 },
      { subMeetingId: "1900604800", status: 4, startTime: 1_900_604_800, endTime: 1_900_608_400 },
    ]);
    expect(info.hasMoreSubMeetings).toBe(true);
    expect(info.remainSubMeetings).toBe(7);
    expect(info.currentSubMeetingId).toBe("1900000000");
  });

  it("reads a one-off meeting as having no occurrences, and refuses a malformed occurrence", () => {
    const {
      sub_meetings: _s,
      has_more_sub_meeting: _h,
      current_sub_meetingid: _c,
      ...oneOff
    } = documented;
    const info = meetingInfoSchema.parse({ ...oneOff, meeting_type: 0 });
    expect(info.subMeetings).toEqual([]);
    expect(info.hasMoreSubMeetings).toBe(false);
    expect(
      meetingInfoSchema.safeParse({ ...documented, sub_meetings: [{ sub_meetingid: "x" }] })
        .success,
    ).toBe(false);
  });
});

describe("against the simulator", () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startSimHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.reset());

  it("cancels the third occurrence of a weekly series and reads it back as cancelled", async () => {
    const c = createWecomClient(h.credentials("meeting-assistant"), {
      tokens: new RecordingTokenStore(),
      callLog: new MemoryCallLog(),
      timeoutMs: 15_000,
    });
    const start = Math.floor(Date.now() / 1000) + 86_400;
    const { meetingId } = await c.createMeeting({
      adminUserId: "lihua",
      title: "周会",
      meetingStart: start,
      meetingDuration: 1800,
      reminders: { isRepeat: true, repeatType: 1, repeatUntil: start + 5 * 7 * 86_400 },
    });
    const before = await c.getMeetingInfo(meetingId);
    expect(before.subMeetings).toHaveLength(6);
    const third = before.subMeetings[2]!;
    expect(third.startTime).toBe(start + 14 * 86_400);
    await c.cancelMeeting({ meetingId, subMeetingId: third.subMeetingId });
    const after = await c.getMeetingInfo(meetingId);
    expect(after.status).toBe(1);
    expect(after.subMeetings.map((o) => o.status)).toEqual([1, 1, 4, 1, 1, 1]);
    expect(after.remainSubMeetings).toBe(5);
  });
});
