// A new meeting's code and link are never those of a stored meeting, a restored or
// cancelled one included (WeCom's meeting_code identifies one meeting): the simulator
// draws again on a clash. The draw is held here to make it clash on purpose.
import { afterEach, expect, it, vi } from "vitest";

const draws = vi.hoisted(() => ({ codes: [] as number[] }));
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return {
    ...real,
    randomInt: (min: number, max: number) => draws.codes.shift() ?? real.randomInt(min, max),
  };
});

const { SimState } = await import("./state");

afterEach(() => {
  draws.codes = [];
});

const stored = (code: string, link: string) => ({
  meetingid: `hy-${code}`,
  appKey: "meeting-assistant",
  corpId: "ww-sim",
  admin_userid: "lihua",
  title: "已有会议",
  meeting_start: 1_800_000_000,
  meeting_duration: 1800,
  invitees: [],
  settings: {},
  reminders: {},
  meeting_code: code,
  meeting_link: link,
  cancelled: true,
  cancelledOccurrences: [],
  createdAt: 0,
});

it("draws the code again when a stored meeting has it", () => {
  const state = new SimState(7200);
  state.addMeeting(stored("123456789", "https://meeting.tencent.com/dm/old") as never);
  draws.codes = [123_456_789, 987_654_321];
  const id = state.newMeetingIdentity();
  expect(id.meeting_code).toBe("987654321");
});

it("forgets the codes of meetings a reset dropped", () => {
  const state = new SimState(7200);
  state.addMeeting(stored("123456789", "https://meeting.tencent.com/dm/old") as never);
  state.reset();
  draws.codes = [123_456_789];
  expect(state.newMeetingIdentity().meeting_code).toBe("123456789");
});
