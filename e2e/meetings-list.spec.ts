// The meetings list (product.md "/meetings"): filters live in the URL so a link
// reproduces the view, upcoming meetings come first and a column header sorts, a row's
// cancel answers with a toast while bulk cancel reports per meeting, a booker filters
// 「我预约的」 and is told who may change the others, and the CSV export is the filtered list.
import { expect, type Page } from "@playwright/test";
import {
  BOOKER,
  landedMeetingId,
  restoreSimulator,
  runTag,
  shanghai,
  signIn,
  signedIn as test,
  simPost,
  startBooking,
  submitButton,
} from "./fixtures";

test.describe.configure({ mode: "serial", timeout: 90_000 });

const TAG = `列表${runTag()}`;
const titles = [`${TAG} 甲`, `${TAG} 乙`];

async function book(page: Page, title: string, start: string) {
  await startBooking(page, { title, start });
  await submitButton(page).click();
  await landedMeetingId(page);
}

test.afterAll(async ({ request }) => {
  await restoreSimulator(request);
});

test("filters are written to the URL and a link reproduces the view", async ({ page }) => {
  await book(page, titles[0]!, shanghai(3, 10).wall);
  await book(page, titles[1]!, shanghai(3, 14).wall);

  await page.goto("/meetings");
  // Search as you type: no Enter needed, and the URL keeps it.
  await page.getByRole("searchbox", { name: "搜索会议标题" }).pressSequentially(TAG, { delay: 20 });
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(TAG)}`));
  await expect(page.getByTestId("meetings-table").locator("tbody tr")).toHaveCount(2);
  await page.getByRole("button", { name: "待开始", exact: true }).click();
  await expect(page).toHaveURL(/status=booked/);
  await expect(page.getByRole("button", { name: "待开始", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
    { timeout: 15_000 },
  );
  await page.getByLabel("开始日期自").fill(shanghai(3, 0).date);
  await expect(page).toHaveURL(new RegExp(`from=${shanghai(3, 0).date}`));
  const rows = page.getByTestId("meetings-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);

  // The same link in a fresh page shows the same view.
  const link = page.url();
  await page.goto("/meetings");
  await page.goto(link);
  await expect(page.getByRole("searchbox", { name: "搜索会议标题" })).toHaveValue(TAG);
  await expect(page.getByRole("button", { name: "待开始", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByLabel("开始日期自")).toHaveValue(shanghai(3, 0).date);
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: titles[0]! })).toHaveCount(1);
  await expect(rows.filter({ hasText: titles[1]! })).toHaveCount(1);
});

test("upcoming meetings come first, soonest on top; a column header sorts and says so", async ({
  page,
}) => {
  await page.goto(`/meetings?q=${encodeURIComponent(TAG)}`);
  const rows = page.getByTestId("meetings-table").locator("tbody tr");
  const order = async (expected: string[]) => {
    await expect(rows).toHaveCount(expected.length);
    for (const [i, title] of expected.entries()) await expect(rows.nth(i)).toContainText(title);
  };
  const [jia, yi] = titles as [string, string];
  // Both are upcoming: the sooner (10:00) above the later (14:00); no column claims the order.
  await order([jia, yi]);
  const titleHeader = page.getByRole("columnheader", { name: "会议标题" });
  const startHeader = page.getByRole("columnheader", { name: "开始时间" });
  await expect(startHeader).not.toHaveAttribute("aria-sort");

  await titleHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=title&dir=asc/);
  await expect(titleHeader).toHaveAttribute("aria-sort", "ascending");
  await order([yi, jia]); // 乙 (U+4E59) before 甲 (U+7532)
  await titleHeader.getByRole("button").click();
  await expect(titleHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page).not.toHaveURL(/dir=asc/);
  await order([jia, yi]);

  await startHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=start&dir=asc/);
  await expect(startHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(titleHeader).not.toHaveAttribute("aria-sort");
  await order([jia, yi]);
  await startHeader.getByRole("button").click();
  await expect(startHeader).toHaveAttribute("aria-sort", "descending");
  await order([yi, jia]);

  // The sort is part of the link.
  await page.goto(page.url());
  await expect(startHeader).toHaveAttribute("aria-sort", "descending");
  await order([yi, jia]);
});

test("the CSV export holds the filtered list, with a BOM for Excel", async ({ page }) => {
  await page.goto(`/meetings?q=${encodeURIComponent(TAG)}`);
  const res = await page.request.get(`/meetings/export?q=${encodeURIComponent(TAG)}`);
  expect(res.ok()).toBe(true);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const bytes = await res.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trim().split(/\r?\n/);
  expect(lines[0]).toBe("会议标题,开始时间,时长（分钟）,会议管理员,应用,状态,会议ID,会议号");
  expect(lines).toHaveLength(1 + 2);
  expect(
    lines
      .slice(1)
      .map((l) => l.split(",")[0])
      .sort(),
  ).toEqual([...titles].sort());
});

test("bulk cancel asks once, and reports each meeting when one fails", async ({
  page,
  request,
}) => {
  await page.goto(`/meetings?q=${encodeURIComponent(TAG)}&status=booked`);
  const rows = page.getByTestId("meetings-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  // WeCom refuses the first cancel with an error that is not retried.
  await simPost(request, "/__sim/faults", {
    operation: "meeting/cancel",
    errcode: 40058,
    count: 1,
  });

  // Some rows selected: the header checkbox shows a dash (mixed), all: a tick.
  const all = page.getByRole("checkbox", { name: "全选本页" });
  await page.getByRole("checkbox", { name: `选择 ${titles[0]!}` }).click();
  await expect(all).toHaveAttribute("aria-checked", "mixed");
  await page.getByRole("checkbox", { name: `选择 ${titles[1]!}` }).click();
  await expect(all).toHaveAttribute("aria-checked", "true");
  await page.getByRole("button", { name: "取消所选（2）" }).click();
  const dialog = page.getByTestId("cancel-dialog");
  await expect(dialog.getByText("取消所选的 2 个会议？")).toBeVisible();
  await dialog.getByRole("textbox").fill("活动取消");
  await dialog.getByRole("button", { name: "确认取消" }).click();

  await expect(dialog.getByText("取消结果：成功 1 个，失败 1 个")).toBeVisible();
  const results = dialog.getByTestId("cancel-results").locator("li");
  await expect(results).toHaveCount(2);
  await expect(results.filter({ hasText: "已取消" })).toHaveCount(1);
  await expect(dialog.locator('li[data-ok="false"]')).toHaveCount(1);
  await dialog.getByRole("button", { name: "关闭" }).click();

  // The list shows one meeting still booked and one cancelled.
  await page.goto(`/meetings?q=${encodeURIComponent(TAG)}&status=cancelled`);
  await expect(rows).toHaveCount(1);
  await page.goto(`/meetings?q=${encodeURIComponent(TAG)}&status=booked`);
  await expect(rows).toHaveCount(1);
});

test("cancelling one meeting from its row ends with a toast and the row cancelled in place", async ({
  page,
}) => {
  const tag = `单行${runTag()}`;
  const title = `${tag} 丙`;
  await book(page, title, shanghai(4, 10).wall);
  await page.goto(`/meetings?q=${encodeURIComponent(tag)}`);
  const row = page.getByTestId("meetings-table").locator("tbody tr").filter({ hasText: title });
  await expect(row).toContainText("待开始");
  await row.getByRole("button", { name: "取消会议" }).click();
  const dialog = page.getByTestId("cancel-dialog");
  await expect(dialog.getByText(`取消会议“${title}”？`)).toBeVisible();
  await dialog.getByRole("textbox").fill("改期");
  await dialog.getByRole("button", { name: "确认取消" }).click();

  await expect(page.getByText(`已取消“${title}”`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/取消结果/)).toHaveCount(0);
  // Same page, same row: its status now reads 已取消 and it offers no cancel.
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(tag)}$`));
  await expect(row).toContainText("已取消");
  await expect(row.getByRole("button", { name: "取消会议" })).toHaveCount(0);
});

test("a booker lists 「我预约的」 and is told who may change the others", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  try {
    await signIn(page, BOOKER);
    const own = `${TAG} 丁`;
    await book(page, own, shanghai(3, 16).wall);

    await page.goto(`/meetings?q=${encodeURIComponent(TAG)}&status=booked`);
    const rows = page.getByTestId("meetings-table").locator("tbody tr");
    // The owner's meeting still booked after the bulk cancel, and the booker's own.
    await expect(rows).toHaveCount(2);
    const others = rows.filter({ hasNotText: own });
    await expect(others).toHaveCount(1);
    await expect(others).toContainText("仅预约人 演示所有者 或管理员可修改");
    await expect(others.getByRole("link", { name: "编辑" })).toHaveCount(0);
    await expect(others.getByRole("button", { name: "取消会议" })).toHaveCount(0);

    const mine = page.getByRole("button", { name: "我预约的" });
    await mine.click();
    await expect(page).toHaveURL(/mine=1/);
    await expect(mine).toHaveAttribute("aria-pressed", "true");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(own);
    await expect(rows.first().getByRole("link", { name: "编辑" })).toBeVisible();
    await expect(rows.first().getByRole("button", { name: "取消会议" })).toBeVisible();
  } finally {
    await context.close();
  }
});
