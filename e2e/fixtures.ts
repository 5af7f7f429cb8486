import { expect, type Page } from "@playwright/test";

// The demo accounts the e2e server seeds (prisma/seed/demo.ts with the default env).
export const DEMO = { email: "demo@meetbridge.local", password: "meetbridge-demo" };
export const VIEWER = { email: "viewer@meetbridge.local", password: "meetbridge-demo" };

export async function signIn(page: Page, who: { email: string; password: string } = DEMO) {
  await page.goto("/login");
  // The sign-in page speaks the browser's last language, Chinese or English.
  await page.getByLabel(/邮箱或用户名|Email or username/).fill(who.email);
  await page.getByLabel(/^(密码|Password)$/).fill(who.password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/meetings$/);
  // The UI is in the account's saved language from here on.
}
