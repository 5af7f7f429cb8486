import { expect } from "@playwright/test";
import { test, DEMO, signIn } from "./fixtures";

test("a user who belongs to no tenant is told so, and can sign out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("邮箱或用户名").fill("lonely@meetbridge.local");
  await page.getByLabel("密码").fill("meetbridge-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("no-tenant")).toContainText("lonely@meetbridge.local");
  await page.getByRole("button", { name: "换个账号登录" }).click();
  await expect(page.getByLabel("邮箱或用户名")).toBeVisible();
});

test("a disabled user cannot sign in", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("邮箱或用户名").fill("disabled@meetbridge.local");
  await page.getByLabel("密码").fill("meetbridge-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("邮箱/用户名或密码不正确");
});

test("the chosen language follows the user to another browser", async ({ page, browser }) => {
  await signIn(page, { email: "admin@meetbridge.local", password: DEMO.password });
  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();

  const other = await browser.newContext({ locale: "zh-CN" });
  const fresh = await other.newPage();
  await fresh.goto("/login");
  await fresh.getByLabel("邮箱或用户名").fill("admin@meetbridge.local");
  await fresh.getByLabel("密码").fill(DEMO.password);
  await fresh.getByRole("button", { name: "登录" }).click();
  await expect(fresh.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  // Leave the account as found.
  await fresh.getByRole("button", { name: "User menu" }).click();
  await fresh.getByRole("menuitemradio", { name: "简体中文" }).click();
  await expect(fresh.getByRole("heading", { level: 1, name: "会议" })).toBeVisible();
  await other.close();
});
