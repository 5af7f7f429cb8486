// Takes the README's screenshots from a running demo (`npm run demo`): signs in as the
// demo owner, fills the booking form (docs/screenshot-booking.png), opens a booked
// meeting's page (docs/screenshot.png) and the checked apps (docs/screenshot-apps.png).
// Usage: npx tsx scripts/readme-screenshot.ts [baseUrl]
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1360, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  await page.goto(`${base}/login`);
  await page.getByLabel("邮箱或用户名").fill("demo@meetbridge.local");
  await page.getByLabel("密码").fill("meetbridge-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/meetings$/);

  await page.goto(`${base}/meetings/new`);
  await page.getByLabel("企业微信应用").selectOption({ label: "示例科技有限公司 / 会议助手" });
  await page.getByRole("combobox", { name: "会议管理员" }).click();
  await page.getByPlaceholder("搜索姓名、工号或部门").fill("李华");
  await page.getByRole("option", { name: /李华/ }).click();
  await page.getByLabel("会议标题").fill("研发部双周技术分享 Tech Talk");
  await page.getByRole("button", { name: "1 小时" }).click();
  await page.getByRole("combobox", { name: "参会人员" }).click();
  await page.getByPlaceholder("搜索姓名、工号或部门").fill("研发");
  await page.getByRole("option", { name: /添加“研发部”全部成员/ }).click();
  await page.getByText(/已从“研发部”添加/).waitFor();
  await page.keyboard.press("Escape");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshot-booking.png", fullPage: true });

  await page.goto(`${base}/meetings`);
  await page.getByRole("link", { name: "产品评审会" }).first().click();
  await page.getByTestId("wecom-facts").waitFor();
  await page.screenshot({ path: "docs/screenshot.png", fullPage: true });

  await page.goto(`${base}/settings/apps`);
  await page.screenshot({ path: "docs/screenshot-apps.png" });
} finally {
  await browser.close();
}
