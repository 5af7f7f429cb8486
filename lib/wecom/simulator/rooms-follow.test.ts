// A member moves or cancels a meeting holding a room on the member page: the simulator
// cancels and re-books the room (cancel_meeting_room then book_meeting_room, each with
// MeetingRoomId and BookingId, to the app's callback URL), and the page shows the room.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { localTimeSec } from "./rooms-data";
import { SIM_CORP_ID, simApp } from "./seed-data";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient } from "./test-client";
import { field, TestReceiver } from "./test-receiver";

let sim: RunningSimulator;
let client: SimTestClient;
let receiver: TestReceiver;
let token: string;
let now: number;
const app = simApp("meeting-assistant");

beforeAll(async () => {
  sim = await startSimulator({ port: 0, callbackPolicy: { timeoutMs: 400, retryDelayMs: 20 } });
  client = new SimTestClient(sim);
  receiver = await new TestReceiver().start();
});
beforeEach(async () => {
  await client.control("reset", { body: {} });
  receiver.received = [];
  token = await client.token();
  now = await client.now();
  await client.control("callbacks", {
    body: {
      corpid: SIM_CORP_ID,
      agentid: app.agentId,
      url: `${receiver.url}/api/wecom/callback/app-1`,
      token: receiver.keys.token,
      encoding_aes_key: receiver.keys.encodingAesKey,
    },
  });
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

const wall = (unix: number) => new Date((unix + 8 * 3600) * 1000).toISOString().slice(0, 16);

async function meetingWithRoom(start: number) {
  const created = await client.call(
    "meeting/create",
    { admin_userid: "zhangwei", title: "周会", meeting_start: start, meeting_duration: 3600 },
    token,
  );
  const booked = await client.call(
    "oa/meetingroom/book_by_meeting",
    { meetingroom_id: 9, meetingid: created.meetingid, booker: "zhangwei" },
    token,
  );
  expect(booked.errcode).toBe(0);
  return { id: String(created.meetingid), bookingId: String(booked.booking_id) };
}

const post = (id: string, fields: Record<string, string>) =>
  fetch(`${sim.url}/__sim/members/zhangwei/meetings/${id}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
  });

it("moving the meeting re-books its room and sends both room events", async () => {
  const { id, bookingId } = await meetingWithRoom(localTimeSec(now, "Asia/Shanghai", 2, 9));
  const page = await (await fetch(`${sim.url}/__sim/members/zhangwei`)).text();
  expect(page).toContain("会议室：北斗（研发中心 2F，10 人）");

  const later = localTimeSec(now, "Asia/Shanghai", 3, 14);
  await post(id, { action: "modify", title: "周会", start: wall(later), duration_min: "60" });
  const got = await receiver.waitFor(3);
  const messages = got.map((r) => receiver.message(r, SIM_CORP_ID));
  expect(messages.map((m) => field(m, "Event"))).toEqual([
    "meeting_change",
    "cancel_meeting_room",
    "book_meeting_room",
  ]);
  expect(field(messages[1]!, "BookingId")).toBe(bookingId);
  expect(field(messages[1]!, "MeetingRoomId")).toBe("9");
  const newBooking = field(messages[2]!, "BookingId");
  expect(newBooking).not.toBe(bookingId);
  const info = await client.call(
    "oa/meetingroom/bookinfo/get",
    { meetingroom_id: 9, booking_id: newBooking },
    token,
  );
  expect(info.schedule).toMatchObject({ start_time: later, status: 0 });
});

it("cancelling the meeting frees its room and sends cancel_meeting_room", async () => {
  const { id, bookingId } = await meetingWithRoom(localTimeSec(now, "Asia/Shanghai", 2, 9));
  await post(id, { action: "cancel" });
  const got = await receiver.waitFor(2);
  const last = receiver.message(got[1]!, SIM_CORP_ID);
  expect(field(last, "Event")).toBe("cancel_meeting_room");
  expect(field(last, "BookingId")).toBe(bookingId);
  const info = await client.call(
    "oa/meetingroom/bookinfo/get",
    { meetingroom_id: 9, booking_id: bookingId },
    token,
  );
  expect(info.schedule).toMatchObject({ status: 1 });
});
