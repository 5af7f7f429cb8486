// MeetBridge on a phone (390×844, touch): every main page fits the screen's width (no
// sideways scroll) with no serious accessibility violation; the meetings list is a column
// of cards whose actions are at hand; the calendar opens on the week's agenda.
import { expect, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { shanghai, signedIn as test } from "./fixtures";

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });

// The demo books 产品评审会 tomorrow at 14:00 for 90 minutes (prisma/seed/demo-meetings.ts).
const REVIEW = { title: "产品评审会", day: shanghai(1, 14).date };

/** How far the page scrolls sideways beyond the screen: none. */
const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

async function settled(page: Page) {
  await expect(page.locator("main h1").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
}

for (const path of [
  "/meetings",
  "/meetings/calendar",
  "/meetings/new",
  "/settings/accounts",
  "/logs",
]) {
  test(`${path} fits a phone's width and has no serious accessibility violation`, async ({
    page,
  }) => {
    await page.goto(path);
    await settled(page);
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("a meeting's page fits a phone's width and has no serious accessibility violation", async ({
  page,
}) => {
  await page.goto("/meetings");
  await page.getByRole("link", { name: REVIEW.title, exact: true }).tap();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(REVIEW.title);
  await page.waitForLoadState("networkidle");
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the meetings list is a column of cards: title, time, status and actions at hand", async ({
  page,
}) => {
  await page.goto("/meetings");
  // No table header on a phone: each meeting is a card of its own.
  await expect(page.getByRole("columnheader", { name: "会议管理员" })).toBeHidden();
  const card = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: REVIEW.title, exact: true }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText("14:00");
  await expect(card).toContainText("90 分钟");
  await expect(card).toContainText("待开始");
  const box = (await card.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);

  // Its actions are on screen without scrolling sideways (scrolled down to the card, as a
  // thumb would: meetings booked by earlier tests may come first), and one opens as on a
  // desktop.
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByRole("link", { name: "复制预约" })).toBeInViewport({ ratio: 1 });
  const cancel = card.getByRole("button", { name: "取消会议" });
  await expect(cancel).toBeInViewport({ ratio: 1 });
  await cancel.tap();
  const dialog = page.getByRole("alertdialog", { name: `取消会议“${REVIEW.title}”？` });
  await expect(dialog).toBeInViewport({ ratio: 1 });
  await dialog.getByRole("button", { name: "返回" }).tap();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText("待开始");
});

test("the calendar opens on the week's agenda, each meeting with its time and status", async ({
  page,
}) => {
  await page.goto(`/meetings/calendar?date=${REVIEW.day}`);
  const agenda = page.getByTestId("calendar-agenda");
  await expect(agenda).toBeVisible();
  await expect(page.getByTestId("calendar-week")).toBeHidden();
  await expect(page.getByRole("link", { name: "日程" })).toHaveAttribute("aria-current", "page");

  const entry = agenda
    .locator(`section[data-day="${REVIEW.day}"]`)
    .getByRole("link", { name: new RegExp(REVIEW.title) });
  await expect(entry).toContainText("14:00–15:30");
  await expect(entry).toContainText("待开始");
  await expect(entry).toBeInViewport({ ratio: 1 });
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);

  // The week's grid is there on request; it scrolls inside its card, not the page.
  await page.getByRole("link", { name: "周", exact: true }).tap();
  await expect(page.getByTestId("calendar-week")).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
});

test("the accounts page keeps its actions on screen; its table scrolls inside its card", async ({
  page,
}) => {
  await page.goto("/settings/accounts");
  for (const action of [
    page.getByRole("link", { name: "导入 CSV" }),
    page.getByRole("button", { name: "校验映射" }),
    page.getByRole("link", { name: "新建账号" }),
  ])
    await expect(action).toBeInViewport({ ratio: 1 });
  const table = page.getByRole("table");
  const card = (await table.locator("xpath=..").boundingBox())!;
  expect(card.x + card.width).toBeLessThanOrEqual(WIDTH);
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
});
