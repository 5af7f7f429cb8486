// The simulator calls MeetBridge back (issue 10, point 5): a member cancels a meeting
// booked through MeetBridge on the simulator's member page, in the browser, and the
// simulator sends cancel_meeting to the callback URL scripts/demo-ready.ts registered for
// the booking app, and MeetBridge's list shows the meeting cancelled within seconds, from
// the callback alone: no sync ran in between (the simulator's request log).
import Database from "libsql";
import {
  E2E_DB,
  SIM,
  landedMeetingId,
  runTag,
  shanghai,
  signedIn as test,
  simMeetings,
  simRequests,
  startBooking,
  submitButton,
} from "./fixtures";
import { expect } from "@playwright/test";

interface Attempt {
  event: string;
  meetingid?: string;
  receiver_id: string;
  agentid?: number;
  attempt: number;
  target: { kind: string; app?: string; url: string };
  message: string;
}

function assistantAppId(): string {
  const db = new Database(E2E_DB, { readonly: true });
  try {
    return (db.prepare("SELECT id FROM App WHERE name = ?").get("会议助手") as { id: string }).id;
  } finally {
    db.close();
  }
}

test("a member cancels a booked meeting on the member page; the callback shows it cancelled in MeetBridge within seconds", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(60_000); // a booking, then the simulator's pages, on a loaded machine
  const title = `回调取消 ${runTag()}`;
  await startBooking(page, { title, start: shanghai(15, 11, 0).wall });
  await submitButton(page).click();
  const id = await landedMeetingId(page);
  const held = (await simMeetings(request)).find((m) => m.title === title);
  expect(held).toBeDefined();

  // 张伟 administers it: his member page offers to change or cancel it.
  await page.goto(`${SIM}/__sim/members/zhangwei`);
  const card = page.locator(".card", { hasText: title });
  await card.getByText("修改或取消会议").click();
  await expect(card.getByLabel("会议主题")).toHaveValue(title);
  const reads = async () =>
    (await simRequests(request, "meeting/get_info")).filter(
      (r) => r.body.meetingid === held!.meetingid,
    ).length;
  const readsBefore = await reads();
  await card.getByRole("button", { name: "取消会议" }).click();
  await expect(page.getByRole("status")).toHaveText("会议已取消。已向预约应用发送事件回调。");
  const cancelled = page.locator("h2", { hasText: "已取消" }).locator("xpath=following-sibling::*");
  await expect(cancelled.filter({ hasText: title })).toHaveCount(1);
  await expect(page.locator(".card", { hasText: title }).getByText("修改或取消会议")).toHaveCount(
    0,
  );

  // The simulator sent it to MeetBridge's callback URL for 会议助手, sealed for the corp.
  await expect
    .poll(async () => {
      const res = await request.get(`${SIM}/__sim/callbacks/log`, {
        params: { meetingid: held!.meetingid },
      });
      return ((await res.json()) as Attempt[]).length;
    })
    .toBeGreaterThan(0);
  const [first] = (await (
    await request.get(`${SIM}/__sim/callbacks/log`, { params: { meetingid: held!.meetingid } })
  ).json()) as Attempt[];
  expect(first).toMatchObject({
    event: "meeting_change/cancel_meeting",
    receiver_id: "wwdemo0000000001",
    agentid: 1000002,
    attempt: 1,
    target: {
      kind: "app",
      app: "meeting-assistant",
      url: `${baseURL}/api/wecom/callback/${assistantAppId()}`,
    },
  });
  expect(first!.message).toContain("<FromUserName><![CDATA[zhangwei]]></FromUserName>");

  // MeetBridge's list shows it cancelled, without anyone pressing "sync now".
  await page.goto(`/meetings?q=${encodeURIComponent(title)}`);
  const row = page.getByTestId("meetings-table").locator("tbody tr");
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("已取消", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });

  // It came from the callback: since the cancel, one get_info for it (the callback's) and
  // no sync run; the audit trail says 回调.
  expect((await reads()) - readsBefore).toBe(1);
  await page.goto(`/meetings/${id}`);
  await expect(page.getByTestId("audit-trail")).toContainText("回调");
});
