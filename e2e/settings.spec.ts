import { expect } from "@playwright/test";
import { test, signIn } from "./fixtures";

test("the demo tenant's apps point at the simulator and never show a secret", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings/apps");
  const table = page.getByRole("table");
  for (const kind of ["自建应用", "第三方应用", "代开发应用"]) {
    await expect(table.getByText(kind).first()).toBeVisible();
  }
  await expect(table.getByText(/127\.0\.0\.1:\d+\/cgi-bin\//).first()).toBeVisible();
  const seed = (await (
    await page.request.get(`http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 3199}/__sim/seed`)
  ).json()) as {
    apps: { secret?: string; suiteSecret?: string; suiteTicket?: string; permanentCode?: string }[];
  };
  const html = await page.content();
  for (const app of seed.apps) {
    for (const secret of [app.secret, app.suiteSecret])
      if (secret) expect(html).not.toContain(secret);
  }
});

test("OA accounts are listed with their WeCom userid mappings", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings/accounts");
  await expect(page.getByRole("cell", { name: "张伟" })).toBeVisible();
  await expect(page.getByText("zhangwei", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("未关联").first()).toBeVisible();
});
