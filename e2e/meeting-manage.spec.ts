// Managing a booked meeting from its page: edit, edits that race, a meeting that ended,
// and cancel with a reason (product.md "/meetings/[id]", decision 006).
import { expect, type Page } from "@playwright/test";
import {
  SIM,
  landedMeetingId,
  runTag,
  shanghai,
  signedIn as test,
  simPost,
  simMeetings,
  simRequests,
  startBooking,
  submitButton,
} from "./fixtures";

/** Books a meeting through the form; returns its MeetBridge id. */
async function book(page: Page, title: string, start: string, durationMin?: number) {
  await startBooking(page, { title, start });
  if (durationMin) await page.getByLabel("会议时长（分钟）").fill(String(durationMin));
  await submitButton(page).click();
  const id = await landedMeetingId(page);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return id;
}

/** A wall-clock time `minutes` from now in the demo tenant's zone (UTC+8), to the minute. */
function fromNow(minutes: number) {
  const wall = new Date(Date.now() + 8 * 3600_000 + minutes * 60_000).toISOString().slice(0, 16);
  return wall;
}

const saveButton = (page: Page) => page.getByRole("button", { name: "保存修改" });

test.afterAll(async ({ request }) => {
  // The last test moves the simulator's clock: put it back for the next spec.
  await request.post(`${SIM}/__sim/clock`, { data: { reset: true } });
});

test("the page and the list say 时长 in 分钟, and both call booking a copy 复制预约", async ({
  page,
}) => {
  const title = `一个名字 ${runTag()}`;
  await book(page, title, shanghai(4, 10).wall, 60);
  await expect(page.locator('dt:text-is("时长") + dd')).toHaveText("60 分钟");
  const copy = page.getByRole("link", { name: "复制预约" });
  await expect(copy).toBeVisible();
  await expect(page.getByRole("link", { name: /再约一场|再次预约/ })).toHaveCount(0);

  await page.goto(`/meetings?q=${encodeURIComponent(title)}`);
  const row = page.getByTestId("meetings-table").locator("tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("60 分钟");
  await expect(row).not.toContainText(/\d min\b/);
  await expect(row.getByRole("link", { name: "复制预约" })).toBeVisible();
  await row.getByRole("link", { name: "复制预约" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "复制预约" })).toBeVisible();
});

test("an edit sends WeCom only what changed", async ({ page, request }) => {
  test.setTimeout(60_000); // a booking, an edit and a second visit on a loaded machine
  const tag = runTag();
  const id = await book(page, `编辑测试 ${tag}`, shanghai(14, 9, 0).wall);

  await page.getByRole("link", { name: "修改", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${id}/edit$`));
  await expect(page.getByLabel("企业微信应用")).toHaveAttribute("readonly", "");
  const title = `编辑后 ${tag}`;
  await page.getByLabel("会议标题").fill(title);
  await page.getByRole("button", { name: "2 小时" }).click();
  await saveButton(page).click();

  await expect(page).toHaveURL(new RegExp(`/meetings/${id}$`));
  await expect(page.getByText(/已保存修改：会议标题、会议时长/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const updates = (await simRequests(request, "meeting/update")).filter(
    (r) => r.body.title === title,
  );
  expect(updates).toHaveLength(1);
  expect(Object.keys(updates[0]!.body).sort()).toEqual([
    "meeting_duration",
    "meeting_start",
    "meetingid",
    "title",
  ]);
  expect(updates[0]!.body.meeting_duration).toBe(7200);
  expect(updates[0]!.body.meeting_start).toBe(shanghai(14, 9, 0).unix);

  // The audit trail says what changed, in the form's words.
  await expect(page.getByTestId("audit-trail")).toContainText(
    `会议标题：编辑测试 ${tag} → ${title}`,
  );

  // Saving again without a change calls nobody.
  await page.goto(`/meetings/${id}/edit`);
  await saveButton(page).click();
  await expect(page.getByText("没有任何变化，未调用企业微信。")).toBeVisible();
});

test("the edit form warns of other meetings, never of itself, and 放弃修改 asks first", async ({
  page,
}) => {
  test.setTimeout(60_000); // two bookings and an edit on a loaded machine
  const tag = runTag();
  const start = shanghai(19, 7, 40).wall;
  const other = await book(page, `同一时段 ${tag}`, start);
  const id = await book(page, `自己 ${tag}`, start);

  await page.goto(`/meetings/${id}/edit`);
  // The same admin at the same time: the other meeting is named, this one never.
  const warning = page.getByTestId("overlap-warning");
  await expect(warning.locator(`a[href="/meetings/${other}"]`)).toHaveCount(1);
  await expect(warning.locator(`a[href="/meetings/${id}"]`)).toHaveCount(0);

  await expect(page.getByRole("button", { name: "清空表单" })).toHaveCount(0);
  const discard = page.getByRole("link", { name: "放弃修改" });
  await page.getByLabel("会议标题").fill(`改了一半 ${tag}`);
  await discard.click();
  const ask = page.getByRole("alertdialog", { name: "放弃未保存的修改？" });
  await ask.getByRole("button", { name: "继续填写" }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/meetings/${id}/edit$`));
  await expect(page.getByLabel("会议标题")).toHaveValue(`改了一半 ${tag}`);

  await discard.click();
  await ask.getByRole("button", { name: "放弃修改" }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `自己 ${tag}` })).toBeVisible();

  // Nothing changed: 放弃修改 simply goes back.
  await page.goto(`/meetings/${id}/edit`);
  await discard.click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${id}$`));
});

test("of two edits racing, the second is told to reload, never overwrites", async ({
  page,
  request,
}) => {
  const tag = runTag();
  const id = await book(page, `并发编辑 ${tag}`, shanghai(15, 14, 0).wall);
  const other = await page.context().newPage();
  await page.goto(`/meetings/${id}/edit`);
  await other.goto(`/meetings/${id}/edit`);
  await expect(saveButton(other)).toBeVisible();

  await page.getByLabel("会议标题").fill(`第一人 ${tag}`);
  await saveButton(page).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${id}$`));

  await other.getByLabel("会议标题").fill(`第二人 ${tag}`);
  await saveButton(other).click();
  const conflict = other.getByTestId("edit-conflict");
  await expect(conflict).toContainText("这场会议已被其他人修改");
  await expect(saveButton(other)).toBeDisabled();
  await conflict.getByRole("button", { name: "重新加载" }).click();
  await expect(other.getByLabel("会议标题")).toHaveValue(`第一人 ${tag}`);
  await expect(other.getByTestId("edit-conflict")).toHaveCount(0);

  const titles = (await simRequests(request, "meeting/update")).map((r) => r.body.title);
  expect(titles).toContain(`第一人 ${tag}`);
  expect(titles).not.toContain(`第二人 ${tag}`);
  await other.close();
});

test("cancelling from the meeting page asks first and records the reason", async ({ page }) => {
  const tag = runTag();
  await book(page, `取消测试 ${tag}`, shanghai(16, 11, 0).wall);
  await page.getByRole("button", { name: "取消会议", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`取消会议“取消测试 ${tag}”？`);
  const reason = `项目延期 ${tag}`;
  await dialog.getByLabel("取消原因（可选）").fill(reason);
  await dialog.getByRole("button", { name: "确认取消" }).click();

  await expect(page.getByText("会议已取消")).toBeVisible();
  await expect(page.getByText("已取消", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "取消会议", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "修改", exact: true })).toHaveCount(0);
  await expect(page.getByTestId("audit-trail")).toContainText(`原因：${reason}`);
});

test("cancelling one meeting from the list asks first, then the row shows it cancelled", async ({
  page,
  request,
}) => {
  const tag = runTag();
  const title = `列表取消 ${tag}`;
  await book(page, title, shanghai(16, 15, 0).wall);
  await page.goto(`/meetings?q=${encodeURIComponent(tag)}`);
  const row = page.getByTestId("meetings-table").locator("tbody tr").filter({ hasText: title });
  await row.getByRole("button", { name: "取消会议" }).click();
  const dialog = page.getByTestId("cancel-dialog");
  await expect(dialog).toContainText(`取消会议“${title}”？`);
  await dialog.getByRole("button", { name: "确认取消" }).click();
  // One meeting: a toast, not the bulk result list (e2e/meetings-list.spec.ts has the rest).
  await expect(page.getByText(`已取消“${title}”`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await expect(row).toContainText("已取消");
  await expect(row.getByRole("button", { name: "取消会议" })).toHaveCount(0);
  const held = (await simMeetings(request)).find((m) => m.title === title);
  expect(held?.cancelled).toBe(true);
});

// Polling covers what callbacks miss: these changes send no callback (notify: false).
test("a meeting changed, then cancelled, in the WeCom client with no callback shows so after a sync", async ({
  page,
  request,
}) => {
  const tag = runTag();
  const id = await book(page, `客户端修改 ${tag}`, shanghai(17, 9, 0).wall);
  const held = (await simMeetings(request)).find((m) => m.title === `客户端修改 ${tag}`);
  expect(held).toBeDefined();

  // Someone retitles and moves it in WeCom, outside MeetBridge.
  const moved = shanghai(17, 10, 30);
  await simPost(request, `/__sim/meetings/${held!.meetingid}`, {
    title: `客户端改后 ${tag}`,
    meeting_start: moved.unix,
    meeting_duration: 3600,
    notify: false,
  });
  await page.getByRole("button", { name: "立即同步" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `客户端改后 ${tag}` })).toBeVisible();
  const audit = page.getByTestId("audit-trail");
  await expect(audit).toContainText("同步");
  await expect(audit).toContainText(`会议标题：客户端修改 ${tag} → 客户端改后 ${tag}`);

  // Then cancels it there.
  await simPost(request, `/__sim/meetings/${held!.meetingid}`, { cancel: true, notify: false });
  await page.getByRole("button", { name: "立即同步" }).click();
  await expect(page.getByText("已取消", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "修改", exact: true })).toHaveCount(0);

  await page.goto(`/meetings?q=${encodeURIComponent(tag)}`);
  const row = page.getByTestId("meetings-table").locator("tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("已取消");
  await expect(row.getByRole("link", { name: `客户端改后 ${tag}` })).toHaveAttribute(
    "href",
    `/meetings/${id}`,
  );
});

// Last: it moves the simulator's clock (afterAll puts it back).
test("a meeting that ended cannot be edited, and the page says why", async ({ page, request }) => {
  const tag = runTag();
  const id = await book(page, `已结束 ${tag}`, fromNow(6), 5);
  // WeCom's clock passes the meeting's end; "sync now" brings MeetBridge along.
  await simPost(request, "/__sim/clock", { offsetSec: 20 * 60 });
  await page.getByRole("button", { name: "立即同步" }).click();
  await expect(page.getByText("已结束", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "修改", exact: true })).toHaveCount(0);
  await expect(page.getByTestId("not-editable")).toContainText("已结束");

  await page.goto(`/meetings/${id}/edit`);
  await expect(page.getByTestId("not-editable")).toContainText(
    "会议当前状态为“已结束”，只有待开始的会议可以修改。",
  );
  await expect(saveButton(page)).toHaveCount(0);
});
