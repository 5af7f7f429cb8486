// One occurrence of a series (issue 16): a weekly series booked through the form, its third
// occurrence cancelled from the meeting page and seen cancelled in the list, the calendar
// and the simulator's member page; its fourth moved to another day as a linked one-off.
// And WeCom's advanced options through 会议助手 (self-built): a phone guest and cloud
// recording, seen on the meeting page and in the 报文.
import { expect } from "@playwright/test";
import {
  landedMeetingId,
  runTag,
  shanghai,
  SIM,
  signedIn as test,
  startBooking,
  submitButton,
} from "./fixtures";

test("cancel the third occurrence of a weekly series, then move the fourth", async ({ page }) => {
  const title = `周会 ${runTag()}`;
  const start = shanghai(2, 15);
  const third = shanghai(16, 15);
  const fourth = shanghai(23, 15);
  const until = shanghai(2 + 5 * 7, 15);
  await startBooking(page, { title, start: start.wall });
  await page.getByRole("switch", { name: "周期性会议" }).click();
  await page.getByLabel("周期重复类型").selectOption({ label: "每周" });
  await page.getByLabel("重复结束时间").fill(until.date);
  await submitButton(page).click();
  const id = await landedMeetingId(page);

  // The occurrences as WeCom reported them on this page view.
  const rows = page.getByTestId("occurrence");
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(2)).toHaveAttribute("data-status", "booked");

  // 取消这一次: a reason, a confirmation.
  await rows.nth(2).getByRole("button", { name: "取消这一次" }).click();
  const dialog = page.getByTestId("occurrence-dialog");
  await expect(dialog).toContainText("只取消");
  await dialog.getByLabel(/^原因/).fill("公司活动");
  await dialog.getByRole("button", { name: "取消这一次" }).click();
  await expect(dialog).toBeHidden();
  await expect(rows.nth(2)).toHaveAttribute("data-status", "cancelled");
  await expect(rows.nth(2)).toContainText("已取消");
  await expect(rows.nth(3)).toHaveAttribute("data-status", "booked");
  // The trail names the event and reads the occurrence's start in the tenant's zone.
  await page.reload();
  const [y, m, d] = third.date.split("-").map(Number);
  const trail = page.getByTestId("audit-trail");
  await expect(trail).toContainText("取消这一次");
  await expect(trail).toContainText(`开始时间：${y}/${m}/${d} 15:00:00`);
  await expect(trail).not.toContainText("其他操作");

  // The list marks it; the calendar shows that day cancelled and the next week booked.
  await page.goto(`/meetings?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId("cancelled-occurrence")).toHaveText(
    `${Number(third.date.slice(5, 7))}/${Number(third.date.slice(8, 10))} 这一次已取消`,
  );
  const entry = (day: string) =>
    page
      .locator(`section[data-day="${day}"]`)
      .getByTestId("calendar-entry")
      .filter({ hasText: title });
  await page.goto(`/meetings/calendar?view=week&date=${third.date}`);
  await expect(entry(third.date)).toHaveAttribute("data-status", "cancelled");
  await page.goto(`/meetings/calendar?view=week&date=${fourth.date}`);
  await expect(entry(fourth.date)).toHaveAttribute("data-status", "booked");

  // The member's page in the WeCom client (simulator) shows it cancelled too.
  await page.goto(`${SIM}/__sim/members/zhangwei`);
  const card = page.locator(".card").filter({ hasText: title });
  await card.getByText(/各次会议/).click();
  await expect(card.locator("tr[data-sub-meetingid]").nth(2)).toContainText("已取消");
  await expect(card.locator("tr[data-sub-meetingid]").nth(3)).toContainText("待开始");

  // 改这一次的时间: the dialog says what happens; a linked one-off is booked.
  await page.goto(`/meetings/${id}`);
  await rows.nth(3).getByRole("button", { name: "改这一次的时间" }).click();
  await expect(dialog).toContainText("另约一场单次会议");
  const moved = shanghai(24, 16);
  await dialog.getByLabel("新的开始时间").fill(moved.wall);
  await dialog.getByRole("button", { name: "另约并取消这一次" }).click();
  await expect(dialog).toBeHidden();
  await expect(rows.nth(3)).toHaveAttribute("data-status", "cancelled");
  await rows
    .nth(3)
    .getByRole("link", { name: /已改到/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("moved-from")).toContainText("改期而来");
  await page.getByTestId("moved-from").getByRole("link", { name: "查看原周期会议" }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${id}$`));
});

test("books through 会议助手 with a phone guest and cloud recording", async ({ page }) => {
  const title = `嘉宾会 ${runTag()}`;
  await startBooking(page, { title, start: shanghai(3, 11).wall });
  const advanced = page.getByTestId("advanced-options");
  await advanced.getByLabel("自动录制").selectOption({ label: "云录制" });
  await advanced.getByRole("button", { name: "添加电话嘉宾" }).click();
  await advanced.getByLabel("电话号码").fill("13800138000");
  await advanced.getByLabel("姓名").fill("外部嘉宾王五");
  await submitButton(page).click();
  await landedMeetingId(page);
  const settings = page.getByTestId("meeting-settings");
  await expect(settings).toContainText("云录制");
  await expect(settings).toContainText("外部嘉宾王五（+86 13800138000）");
  const log = page.getByTestId("call-log");
  await expect(log).toContainText('"auto_record_type": "cloud"');
  await expect(log).toContainText('"guest_name": "外部嘉宾王五"');
});

test("books a custom weekly series through 会议助手 on two weekdays, ending after 6", async ({
  page,
}) => {
  const title = `自定义周期 ${runTag()}`;
  const start = shanghai(2, 16);
  await startBooking(page, { title, start: start.wall });
  await page.getByRole("switch", { name: "周期性会议" }).click();
  const repeat = page.getByLabel("周期重复类型");
  // Turning the series on starts weekly, on the start's weekday.
  await expect(repeat).toHaveValue("weekly");
  await repeat.selectOption({ label: "自定义" });
  await expect(page.getByLabel("自定义方式")).toHaveValue("1");

  // The start's weekday is chosen already; add the weekday two days later.
  const names = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
  const startDay = new Date(`${start.date}T00:00:00Z`);
  const weekday = startDay.getUTCDay();
  const days = page.getByRole("group", { name: "每周的哪几天" });
  await expect(days.getByRole("checkbox", { name: names[weekday] })).toBeChecked();
  await days.getByRole("checkbox", { name: names[(weekday + 2) % 7] }).check();
  await page.getByLabel("结束方式").selectOption({ label: "按次数结束" });
  await page.getByLabel("重复次数").fill("6");

  // The preview lists the first five: the start, two days on, then a week later each.
  const on = (offset: number) => new Date(startDay.getTime() + offset * 86_400_000);
  const offsets = [0, 2, 7, 9, 14, 16];
  const preview = page.getByTestId("occurrence-preview").getByRole("listitem");
  await expect(preview).toHaveCount(5);
  for (const [i, offset] of offsets.slice(0, 5).entries()) {
    const d = on(offset);
    await expect(preview.nth(i)).toContainText(`${d.getUTCMonth() + 1}月${d.getUTCDate()}日`);
  }

  await submitButton(page).click();
  await landedMeetingId(page);

  // The meeting page: the rule in words (WeCom numbers weekdays 1 Monday … 7 Sunday),
  // and the six occurrences WeCom lists.
  const chosen = [weekday || 7, (weekday + 2) % 7 || 7].sort((a, b) => a - b);
  await expect(page.getByTestId("recurrence-words")).toHaveText(
    `每周的${chosen.map((d) => names[d % 7]).join("、")}，共 6 次后结束`,
  );
  const rows = page.getByTestId("occurrence");
  await expect(rows).toHaveCount(6);
  for (const [i, offset] of offsets.entries()) {
    const d = on(offset);
    await expect(rows.nth(i)).toContainText(
      `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`,
    );
  }
  await expect(page.getByTestId("call-log")).toContainText('"repeat_until_count": 6');
});

test("a third-party app (会议通) is not offered custom recurrence", async ({ page }) => {
  await startBooking(page, { title: `第三方周期 ${runTag()}`, start: shanghai(3, 9).wall });
  await page.getByRole("switch", { name: "周期性会议" }).click();
  const repeat = page.getByLabel("周期重复类型");
  await expect(repeat.getByRole("option", { name: "自定义" })).toHaveCount(1);
  await page
    .getByLabel(/^企业微信应用$/)
    .selectOption({ label: "示例科技有限公司 / 会议通（第三方应用）" });
  await expect(repeat.getByRole("option")).toHaveText([
    "每天",
    "每个工作日",
    "每周",
    "每两周",
    "每月",
  ]);
  await expect(page.getByLabel("结束方式")).toHaveCount(0);
});
