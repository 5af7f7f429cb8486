import { expect } from "@playwright/test";
import { test, DEMO, runTag, signIn } from "./fixtures";

// The progressive delay (lib/auth/login-limiter.ts): a few free failures, then each
// further one makes the next attempt for that name wait longer; the answer says how long.
test("repeated failures for one name are slowed down with a wait in seconds, not a lock", async ({
  page,
}) => {
  const name = `nobody-${runTag()}@example.com`;
  await page.goto("/login");
  const error = page.getByTestId("login-error");
  let delayed = "";
  for (let i = 0; i < 10 && !delayed; i++) {
    await page.getByLabel("邮箱或用户名").fill(name);
    await page.getByLabel("密码").fill(`guess-${i}`);
    // The server action answers on the page's own URL.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/login")),
      page.getByRole("button", { name: "登录" }).click(),
    ]);
    await expect(error).toHaveText(/邮箱\/用户名或密码不正确|请 \d+ 秒后再试/);
    const text = (await error.textContent()) ?? "";
    if (text.includes("秒后再试")) delayed = text;
  }
  expect(delayed).toMatch(/^尝试过于频繁，请 ([1-9]|[12]\d|30) 秒后再试$/);

  // The failures for that name do not touch anyone else: the demo owner signs in.
  await signIn(page, DEMO);
});
