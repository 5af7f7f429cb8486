// Takes docs/screenshot.png from a running demo (`npm run demo`): signs in as the demo
// owner, checks the apps against the simulator, and opens the call log.
// Usage: npx tsx scripts/readme-screenshot.ts [baseUrl]
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 }, locale: "zh-CN" });
  await page.goto(`${base}/login`);
  await page.getByLabel("邮箱或用户名").fill("demo@meetbridge.local");
  await page.getByLabel("密码").fill("meetbridge-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/meetings$/);
  await page.goto(`${base}/settings/apps`);
  for (const agentId of [1000002, 1000003, 1000004, 1000005]) {
    const row = page.getByTestId(`app-row-${agentId}`);
    await row.getByRole("button", { name: /检查/ }).click();
    await row.getByText(/已授权会议权限|无会议权限/).waitFor();
  }
  await page.screenshot({ path: "docs/screenshot-apps.png" });
  await page.goto(`${base}/logs`);
  await page.locator("summary", { hasText: "meeting/get_user_meetingid" }).first().click();
  await page.screenshot({ path: "docs/screenshot.png" });
} finally {
  await browser.close();
}
