import { expect } from "@playwright/test";
import { test, BOOKER, signIn, VIEWER } from "./fixtures";

const SETTINGS_PAGES = [
  "/settings/apps",
  "/settings/accounts",
  "/settings/users",
  "/settings/tenant",
  "/settings/api",
];

test("a booker cannot open any settings page, but may book", async ({ page }) => {
  await signIn(page, BOOKER);
  for (const path of SETTINGS_PAGES) {
    await page.goto(path);
    await expect(page.getByText("你的角色无权访问此页面"), path).toBeVisible();
    await expect(page.locator("main form"), path).toHaveCount(0);
    await expect(page.getByRole("table"), path).toHaveCount(0);
  }
  // The settings index offers none of them.
  await page.goto("/settings");
  await expect(page.locator('main a[href^="/settings/"]')).toHaveCount(0);

  await page.goto("/meetings");
  await page.getByRole("link", { name: "预约会议" }).click();
  await expect(page).toHaveURL(/\/meetings\/new$/);
  await expect(page.getByRole("button", { name: "预约会议" })).toBeVisible();
});

test("a viewer cannot book: no 预约会议 button, and /meetings/new is refused", async ({ page }) => {
  await signIn(page, VIEWER);
  await expect(page.getByRole("heading", { level: 1, name: "会议" })).toBeVisible();
  await expect(page.getByRole("link", { name: "预约会议" })).toHaveCount(0);

  await page.goto("/meetings/new");
  await expect(page.getByText("你的角色无权访问此页面")).toBeVisible();
  await expect(page.locator("main form")).toHaveCount(0);
  await page.getByRole("link", { name: "返回会议列表" }).click();
  await expect(page).toHaveURL(/\/meetings$/);
});
