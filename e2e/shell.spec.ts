import { expect, type Page } from "@playwright/test";
import { test, signIn } from "./fixtures";

// The header menus and the toaster load on first use (docs/decisions/005); these are the
// behaviours that must not change for it.

/** Collects what next-intl reports when a client component lacks its messages. */
function missingMessages(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/MISSING_MESSAGE/.test(m.text())) seen.push(m.text());
  });
  return seen;
}

test("the user menu opens from the keyboard on its first item and closes back onto its button", async ({
  page,
}) => {
  const missing = missingMessages(page);
  await signIn(page);
  const button = page.getByRole("button", { name: "用户菜单" });
  await expect(button).toHaveAttribute("aria-haspopup", "menu");
  await expect(button).toHaveAttribute("aria-expanded", "false");

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await expect(page.getByRole("menuitemradio", { name: "简体中文" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitemradio", { name: "English" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(button).toBeFocused();

  // Open again with the pointer: the same menu, now loaded.
  await button.click();
  await expect(page.getByRole("menuitem", { name: "退出登录" })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "切换租户" }).click();
  await expect(page.getByRole("menuitem", { name: /示例科技/ }).first()).toBeVisible();
  await page.keyboard.press("Escape");
  expect(missing).toEqual([]);
});

test("an app check answers in a toast", async ({ page }) => {
  const missing = missingMessages(page);
  await signIn(page);
  await page.goto("/settings/apps");
  await page.getByTestId("app-row-1000002").getByRole("button", { name: /检查/ }).click();
  // (A warning toast may come too: the demo's callback has not been verified yet.)
  await expect(page.locator("[data-sonner-toast][data-type=success]")).toContainText(
    "已具备会议权限",
  );
  expect(missing).toEqual([]);
});

test("the sign-in form refuses empty and over-long fields at the field", async ({ page }) => {
  const missing = missingMessages(page);
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("#identifier-error")).toHaveText("请填写此项");
  await expect(page.locator("#identifier")).toBeFocused();
  // Once submitted, a field is checked again as it changes: blanks do not count, and a
  // value over the schema's limit is refused with the generic message.
  await page.locator("#identifier").fill("   ");
  await expect(page.locator("#identifier-error")).toHaveText("请填写此项");
  await page.locator("#identifier").fill("x".repeat(255));
  await expect(page.locator("#identifier-error")).toHaveText("登录失败，请稍后再试");
  await page.locator("#identifier").fill("demo@meetbridge.local");
  await expect(page.locator("#identifier-error")).toHaveCount(0);
  expect(missing).toEqual([]);
});
