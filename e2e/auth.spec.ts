import { expect } from "@playwright/test";
import { test, DEMO, signIn, VIEWER } from "./fixtures";

test("an anonymous visit to /meetings is sent to the sign-in page", async ({ page }) => {
  await page.goto("/meetings");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "登录 MeetBridge" })).toBeVisible();
});

test("a wrong password shows an error and keeps the user signed out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("邮箱或用户名").fill(DEMO.email);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("邮箱/用户名或密码不正确");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/meetings");
  await expect(page).toHaveURL(/\/login/);
});

test("empty fields are refused at the field, before anything is sent", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("#identifier-error")).toHaveText("请填写此项");
  await expect(page.locator("#password-error")).toHaveText("请填写此项");
});

test("the demo owner signs in, sees the dashboard in Chinese, switches to English and signs out", async ({
  page,
}) => {
  await signIn(page);
  const nav = page.getByRole("navigation", { name: "主导航" }).first();
  for (const item of ["会议", "日历", "会议室", "设置", "报文日志"]) {
    await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("heading", { level: 1, name: "会议" })).toBeVisible();
  await expect(page.getByTestId("current-tenant")).toHaveText("示例科技");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  await expect(
    page
      .getByRole("navigation", { name: "Main navigation" })
      .first()
      .getByRole("link", { name: "Call log" }),
  ).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/meetings");
  await expect(page).toHaveURL(/\/login/);

  // Signing in again keeps the chosen language; switch back so the account is as found.
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitemradio", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "会议" })).toBeVisible();
});

test("a user of two tenants switches between them", async ({ page }) => {
  await signIn(page);
  await page.getByRole("button", { name: "切换租户" }).click();
  await page.getByRole("menuitem", { name: /示例科技（测试环境）/ }).click();
  await expect(page.getByTestId("current-tenant")).toHaveText("示例科技（测试环境）");
  // The sandbox tenant has no apps: the settings page shows its own (empty) data.
  await page.goto("/settings/apps");
  await expect(page.getByText("还没有连接企业微信应用")).toBeVisible();
});

test("a viewer cannot open the users page", async ({ page }) => {
  await signIn(page, VIEWER);
  await page.goto("/settings/users");
  await expect(page.getByText("你的角色无权访问此页面")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
