import { expect } from "@playwright/test";
import { seriousViolations } from "./axe";
import { test, signIn } from "./fixtures";

// Every page a person reaches, checked with axe (WCAG 2.1 A and AA rules): no serious or
// critical violation. Each page is checked once it has settled, in Chinese (the first
// language) and, for the pages with the most text, in English.

const PAGES = [
  "/meetings",
  "/meetings/new",
  "/meetings/calendar",
  "/meetings/adopt",
  "/meetings/batch",
  "/rooms",
  "/logs",
  "/settings",
  "/settings/apps",
  "/settings/accounts",
  "/settings/accounts/new",
  "/settings/accounts/import",
  "/settings/users",
  "/settings/tenant",
  "/settings/api",
  "/account/password",
];

test("the sign-in page has no serious accessibility violation", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: /^(登录|Sign in)$/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const path of PAGES) {
  test(`${path} has no serious accessibility violation`, async ({ page }) => {
    await signIn(page);
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("a meeting's page has no serious accessibility violation", async ({ page }) => {
  await signIn(page);
  await page.getByTestId("meetings-table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  await expect(page.locator("main h1").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page)).toEqual([]);
});

test("a skip link takes the keyboard straight to the page's content", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings/apps");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  // The next Tab lands inside the page's content, past the navigation and the header.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
});

test("the tenant switcher's accessible name says which tenant is shown", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("button", { name: /^切换租户：\s*示例科技$/ })).toBeVisible();
});
