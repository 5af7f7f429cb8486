// A series in the meetings list (issue 20, item 2): a weekly series is found by a date range
// that holds only its third occurrence, carries a recurrence marker and shows that
// occurrence's date; cancelling from its row offers "this one" or the whole series and
// says how many occurrences the whole takes.
import { expect, type Page } from "@playwright/test";
import {
  landedMeetingId,
  restoreSimulator,
  runTag,
  shanghai,
  signedIn as test,
  startBooking,
  submitButton,
} from "./fixtures";

test.describe.configure({ timeout: 90_000 });

test.afterAll(async ({ request }) => {
  await restoreSimulator(request);
});

/** "2026年12月21日", as the list writes a date in Chinese. */
const longDay = (date: string) =>
  `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

const tableRows = (page: Page) => page.getByTestId("meetings-table").locator("tbody tr");

test("a weekly series is found by its third occurrence's dates, and that one is cancelled from the list", async ({
  page,
}) => {
  const title = `周期列表 ${runTag()}`;
  const start = shanghai(2, 15);
  const third = shanghai(16, 15);
  const fourth = shanghai(23, 15);
  await startBooking(page, { title, start: start.wall });
  await page.getByRole("switch", { name: "周期性会议" }).click();
  await expect(page.getByLabel("周期重复类型")).toHaveValue("weekly");
  await page.getByLabel("重复结束时间").fill(shanghai(2 + 5 * 7, 15).date);
  await submitButton(page).click();
  await landedMeetingId(page);
  // The meeting page shows the six occurrences WeCom lists.
  await expect(page.getByTestId("occurrence")).toHaveCount(6);

  // Dates from the day before the third occurrence to the day after: the series' first
  // start lies outside them.
  await page.goto(`/meetings?q=${encodeURIComponent(title)}`);
  // (Filled again until the page is interactive: a controlled field typed into before
  // hydration is reset.)
  await expect(async () => {
    await page.getByLabel("开始日期自").fill(shanghai(15, 0).date);
    await expect(page).toHaveURL(new RegExp(`from=${shanghai(15, 0).date}`), { timeout: 2_000 });
  }).toPass();
  await page.getByLabel("至", { exact: true }).fill(shanghai(17, 0).date);
  await expect(page).toHaveURL(
    new RegExp(`from=${shanghai(15, 0).date}.*to=${shanghai(17, 0).date}`),
  );
  const row = tableRows(page).filter({ hasText: title });
  await expect(row).toHaveCount(1);
  const marker = row.getByTestId("series-marker");
  await expect(marker).toContainText("周期");
  await expect(marker).toHaveAttribute("title", /^每周，至 /);
  const when = row.getByTestId("series-start");
  await expect(when).toContainText(`${longDay(third.date)} 15:00`);
  await expect(when).toContainText("所选日期内");

  // Cancel from the row: the whole series would take all six; cancel only this one.
  await row.getByRole("button", { name: "取消会议" }).click();
  const dialog = page.getByTestId("cancel-dialog");
  await expect(dialog).toContainText("将取消此周期会议剩余的 6 次");
  await expect(dialog).toContainText(`也可以只取消这一次：${longDay(third.date)} 15:00`);
  await dialog.getByRole("button", { name: "仅取消这一次" }).click();
  await expect(
    page.getByText(`已取消“${title}”在 ${longDay(third.date)} 15:00 的这一次`),
  ).toBeVisible();

  // An occurrence cancelled alone no longer places the series in those dates…
  await expect(page.getByText("没有符合筛选条件的会议")).toBeVisible();
  // …the series stays booked, marks that occurrence and shows the next one.
  await page.goto(`/meetings?q=${encodeURIComponent(title)}`);
  await expect(row.getByText("待开始")).toBeVisible();
  await expect(row.getByTestId("cancelled-occurrence")).toHaveText(
    `${Number(third.date.slice(5, 7))}/${Number(third.date.slice(8, 10))} 这一次已取消`,
  );
  await expect(row.getByTestId("series-start")).toContainText(`${longDay(start.date)} 15:00`);
  await expect(row.getByTestId("series-start")).toContainText("下一次");

  // A range holding the fourth still finds it.
  await page.goto(`/meetings?q=${encodeURIComponent(title)}&from=${fourth.date}&to=${fourth.date}`);
  await expect(row.getByTestId("series-start")).toContainText(`${longDay(fourth.date)} 15:00`);

  // The whole series now takes the five left.
  await row.getByRole("button", { name: "取消会议" }).click();
  await expect(dialog).toContainText("将取消此周期会议剩余的 5 次");
  await dialog.getByRole("button", { name: "取消整个系列" }).click();
  await expect(page.getByText(`已取消“${title}”`, { exact: true })).toBeVisible();
  await expect(row.getByText("已取消", { exact: true })).toBeVisible();
});
