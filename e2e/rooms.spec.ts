// Meeting rooms (issue 17), in Chromium on the e2e demo: the room board's free slot opens
// the booking form with room and start; the meeting holds the room on the board and on
// the simulator's member page; a member moving the meeting in WeCom moves the room and the
// board follows (room events); cancelling frees it. A weekly series names the day its
// room was taken; a room needing approval cannot be chosen; a third-party app offers no
// room field.
import { expect, type Page } from "@playwright/test";
import {
  ASSISTANT,
  SIM,
  landedMeetingId,
  pickPerson,
  runTag,
  shanghai,
  signedIn as test,
  simPost,
  submitButton,
} from "./fixtures";

const boardRoom = (page: Page, roomId: number) => page.getByTestId(`board-room-${roomId}`);

test("book a free slot of a 10-seat room from the board, move it in WeCom, cancel it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const title = `会议室 ${runTag()}`;
  const day = shanghai(20, 10, 0);
  await page.goto(`/rooms?date=${day.date}`);
  const changjiang = boardRoom(page, 1);
  await expect(changjiang).toContainText("长江");
  await expect(changjiang).toContainText("10 人");
  await changjiang.getByTestId("free-slot-1-10:00").click();

  // The form comes with the app, the room, the start and 30 minutes.
  await expect(page.getByLabel(/^会议开始时间$/)).toHaveValue(day.wall);
  const field = page.getByTestId("room-field");
  await expect(field.getByTestId("room-option-1").getByRole("radio")).toBeChecked();
  await expect(field.getByTestId("room-option-1")).toContainText("空闲");
  await pickPerson(page, /^会议管理员$/, "张伟");
  await page.getByLabel(/^会议标题$/).fill(title);
  await submitButton(page).click();
  const id = await landedMeetingId(page);
  await expect(page.getByTestId("meeting-room")).toContainText("长江（总部大厦 3F）");

  // The board shows the meeting's block in 长江, linking to its page.
  await page.goto(`/rooms?date=${day.date}`);
  const block = boardRoom(page, 1).getByTestId("board-block").filter({ hasText: title });
  await expect(block).toHaveAttribute("href", `/meetings/${id}`);
  await expect(block).toHaveAttribute("title", /10:00–10:30/);

  // The simulator's member page shows the room too; 张伟 moves the meeting to 14:00 there.
  await page.goto(`${SIM}/__sim/members/zhangwei`);
  const card = page.locator(".card", { hasText: title });
  await expect(card.locator(".room")).toHaveText("会议室：长江（总部大厦 3F，10 人）");
  await card.getByText("修改或取消会议").click();
  await card.getByLabel("开始时间").fill(shanghai(20, 14, 0).wall);
  await card.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status")).toContainText("已向预约应用发送事件回调");

  // The room events reach MeetBridge: the board follows within seconds.
  await expect
    .poll(
      async () => {
        await page.goto(`/rooms?date=${day.date}`);
        // Read what this render shows, without waiting for a block a reload would bring.
        const moved = boardRoom(page, 1).getByTestId("board-block").filter({ hasText: title });
        return (await moved.count()) ? ((await moved.getAttribute("title")) ?? "") : "";
      },
      { timeout: 20_000 },
    )
    .toMatch(/14:00–14:30/);
  await expect(boardRoom(page, 1).getByTestId("free-slot-1-10:00")).toBeVisible();

  // Cancelling the meeting in MeetBridge frees the room.
  await page.goto(`/meetings/${id}`);
  await page.getByRole("button", { name: "取消会议", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认取消" }).click();
  await expect(page.getByText("会议已取消")).toBeVisible();
  await page.goto(`/rooms?date=${day.date}`);
  await expect(
    boardRoom(page, 1).getByTestId("board-block").filter({ hasText: title }),
  ).toHaveCount(0);
  await expect(boardRoom(page, 1).getByTestId("free-slot-1-14:00")).toBeVisible();
});

test("a weekly series in a room taken on one of its days names that day", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const title = `周会会议室 ${runTag()}`;
  const first = shanghai(22, 9, 0);
  const taken = shanghai(29, 9, 0);
  await simPost(request, "/__sim/rooms/bookings", {
    meetingroom_id: 9,
    start_time: taken.unix,
    end_time: taken.unix + 3600,
    booker: "gaoyuan",
    subject: "外部预约",
  });
  await page.goto("/meetings/new");
  await page.getByLabel(/^企业微信应用$/).selectOption({ label: ASSISTANT });
  await pickPerson(page, /^会议管理员$/, "张伟");
  await page.getByLabel(/^会议标题$/).fill(title);
  await page.getByLabel(/^会议开始时间$/).fill(first.wall);
  await page.getByRole("switch", { name: "周期性会议" }).click();
  await page.getByLabel("周期重复类型").selectOption({ label: "每周" });
  await page.getByLabel("重复结束时间").fill(shanghai(43, 9, 0).date);
  const beidou = page.getByTestId("room-option-9");
  await expect(beidou).toContainText("空闲");
  await beidou.getByRole("radio").check();
  await submitButton(page).click();
  await landedMeetingId(page);
  await expect(page.getByTestId("meeting-room")).toContainText("北斗");
  await expect(page.getByTestId("room-conflicts")).toContainText(taken.date);
});

test("a room needing approval cannot be chosen; a third-party app offers no room field", async ({
  page,
}) => {
  await page.goto("/meetings/new");
  await page.getByLabel(/^企业微信应用$/).selectOption({ label: ASSISTANT });
  await page.getByLabel(/^会议开始时间$/).fill(shanghai(24, 10, 0).wall);
  const approval = page.getByTestId("room-option-6");
  await expect(approval).toContainText("董事会议室");
  await expect(approval).toContainText("需要审批，无法通过 MeetBridge 预约");
  await expect(approval.getByRole("radio")).toBeDisabled();

  await page
    .getByLabel(/^企业微信应用$/)
    .selectOption({ label: "示例科技有限公司 / 会议通（第三方应用）" });
  await expect(page.getByTestId("room-field")).toHaveCount(0);
});
