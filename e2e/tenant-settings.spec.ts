import Database from "libsql";
import { expect, type Page } from "@playwright/test";
import { E2E_DB, signedIn as test } from "./fixtures";

// The tenant's time zone decides how the meetings list and the booking form show and
// take times: changed on /settings/tenant, followed everywhere, and put back.

function resetDemoTenant() {
  const db = new Database(E2E_DB);
  try {
    db.prepare("UPDATE Tenant SET name = ?, timeZone = ? WHERE slug = ?").run(
      "示例科技",
      "Asia/Shanghai",
      "demo",
    );
  } finally {
    db.close();
  }
}
test.afterAll(resetDemoTenant);

/** The first meeting row of the list: its title and the hour:minute of its start. */
async function firstMeeting(page: Page) {
  await page.goto("/meetings");
  const row = page.getByRole("row").nth(1);
  const title = (await row.getByRole("link").first().textContent())!.trim();
  return { title, start: await startOf(page, title) };
}

async function startOf(page: Page, title: string) {
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: title, exact: true }) })
    .first();
  const text = await row.getByRole("cell").nth(2).textContent();
  const [, h, m] = /(\d{1,2}):(\d{2})(?!.*\d:\d)/.exec(text ?? "")!;
  return Number(h) * 60 + Number(m);
}

async function saveZone(page: Page, zone: string) {
  await page.goto("/settings/tenant");
  await page.getByLabel("时区", { exact: true }).selectOption(zone);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
}

test("the owner changes the time zone: the list and the booking form follow, and the change is recorded", async ({
  page,
}) => {
  await page.goto("/settings");
  await page.getByRole("link", { name: /租户设置/ }).click();
  await expect(page).toHaveURL(/\/settings\/tenant$/);
  const zone = page.getByLabel("时区", { exact: true });
  await expect(zone).toHaveValue("Asia/Shanghai");
  await expect(zone.locator("option").first()).toHaveText("Asia/Shanghai");

  const before = await firstMeeting(page);
  await saveZone(page, "Europe/Berlin");
  const history = page.getByTestId("tenant-history");
  await expect(history.getByRole("row").nth(1)).toContainText(
    "时区：Asia/Shanghai → Europe/Berlin",
  );
  await expect(history.getByRole("row").nth(1)).toContainText("演示所有者");

  // Berlin is 7 hours (6 in summer) behind Shanghai.
  await page.goto("/meetings");
  const shift = (before.start - (await startOf(page, before.title)) + 24 * 60) % (24 * 60);
  expect([6 * 60, 7 * 60]).toContain(shift);
  await page.goto("/meetings/new");
  await expect(page.getByText(/时区：Europe\/Berlin（/)).toBeVisible();

  await saveZone(page, "Asia/Shanghai");
  await page.goto("/meetings");
  expect(await startOf(page, before.title)).toBe(before.start);
  await page.goto("/meetings/new");
  await expect(page.getByText(/时区：Asia\/Shanghai（/)).toBeVisible();
  await page.goto("/settings/tenant");
  await expect(history.getByRole("row").nth(1)).toContainText(
    "时区：Europe/Berlin → Asia/Shanghai",
  );
});

test("a name is required, and a new name shows in the header", async ({ page }) => {
  await page.goto("/settings/tenant");
  const name = page.getByLabel("租户名称");
  // Retried: text typed before the form has hydrated is replaced by its initial value.
  await expect(async () => {
    await name.fill("  ");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("请填写租户名称")).toBeVisible({ timeout: 1000 });
  }).toPass();

  await name.fill("示例科技（改名）");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("current-tenant")).toHaveText("示例科技（改名）");
  await name.fill("示例科技");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("current-tenant")).toHaveText("示例科技");
  await expect(page.getByTestId("tenant-history").getByRole("row").nth(1)).toContainText(
    "名称：示例科技（改名） → 示例科技",
  );
});
