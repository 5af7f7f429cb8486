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
  // The navigation offers no 设置 to a role that can use none of it.
  await expect(page.getByRole("navigation", { name: "主导航" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "设置", exact: true })).toHaveCount(0);
  for (const path of SETTINGS_PAGES) {
    await page.goto(path);
    await expect(page.getByText("你的角色无权访问此页面"), path).toBeVisible();
    // The refusal names the person's role and the roles that may.
    await expect(
      page.getByText(/你的角色是“预约人”；此页面需要以下角色之一：.*管理员/),
      path,
    ).toBeVisible();
    await expect(page.locator("main form"), path).toHaveCount(0);
    await expect(page.getByRole("table"), path).toHaveCount(0);
  }
  // The settings index offers none of them, and says why.
  await page.goto("/settings");
  await expect(page.locator('main a[href^="/settings/"]')).toHaveCount(0);
  await expect(page.getByText("你的角色无权访问此页面")).toBeVisible();

  await page.goto("/meetings");
  await page.getByRole("link", { name: "预约会议" }).click();
  await expect(page).toHaveURL(/\/meetings\/new$/);
  await expect(page.getByRole("button", { name: "预约会议" })).toBeVisible();
});

test("a viewer cannot book: no 预约会议 button, and /meetings/new is refused", async ({ page }) => {
  await signIn(page, VIEWER);
  await expect(page.getByRole("heading", { level: 1, name: "会议" })).toBeVisible();
  await expect(page.getByRole("link", { name: "预约会议" })).toHaveCount(0);
  // Nothing offered that would then be refused: no copy to book, no 设置.
  await expect(page.getByTestId("meetings-table").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "复制预约" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "设置", exact: true })).toHaveCount(0);

  await page.goto("/meetings/new");
  await expect(page.getByText("你的角色无权访问此页面")).toBeVisible();
  await expect(
    page.getByText(/你的角色是“只读”；此页面需要以下角色之一：所有者、管理员、预约人/),
  ).toBeVisible();
  await expect(page.locator("main form")).toHaveCount(0);
  await page.getByRole("link", { name: "返回会议列表" }).click();
  await expect(page).toHaveURL(/\/meetings$/);
});
