import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import { seriousViolations } from "./axe";
import { test, signIn } from "./fixtures";

// OA accounts and mappings: import a CSV (an error row shown in the preview, then the
// fixed file), verify every mapping against the simulator, export, and an edit refused
// at the field when the userid is someone else's.

const csv = (rows: string[]) => ({
  name: "accounts.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(["姓名,工号,邮箱,部门,企业微信账号", ...rows].join("\r\n"), "utf8"),
});

test("an admin imports, verifies, exports and edits OA accounts", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings/accounts");
  await page.getByRole("link", { name: "导入 CSV" }).click();
  await expect(page.getByTestId("import-format")).toContainText("企业微信账号");

  // 1. A file with two bad rows: the preview names the line, the column and why.
  const file = page.getByLabel("选择 CSV 文件");
  await file.setInputFiles(
    csv([
      "端到端甲,E2E01,e2e-jia@example.com,测试部,e2e-jia",
      "端到端乙,E2E02,not-an-email,测试部,e2e-yi",
      "端到端丙,E2E03,,测试部,lihua",
    ]),
  );
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByText("错误 2")).toBeVisible();
  const errors = page.getByTestId("import-row-errors");
  await expect(errors).toContainText("第 3 行 · 邮箱：邮箱格式不正确");
  await expect(errors).toContainText(
    "第 4 行 · 企业微信账号：企业微信账号 lihua 已对应到账号“李华”（工号 E1005）",
  );
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);

  // 2. The fixed file: a preview, then one confirmation writes it.
  await file.setInputFiles(
    csv([
      "端到端甲,E2E01,e2e-jia@example.com,测试部,e2e-jia",
      "端到端乙,E2E02,e2e-yi@example.com,测试部,e2e-yi",
      "端到端丙,E2E03,,测试部,",
    ]),
  );
  await expect(preview.getByText("新增 3")).toBeVisible();
  await expect(preview.getByText("错误 0")).toBeVisible();
  await expect(page.getByTestId("import-add")).toContainText("端到端甲");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-done")).toContainText("导入完成：新增 3，更新 0，无变化 0");

  // 3. Verify every mapping against WeCom, with the progress shown.
  await page.goto("/settings/accounts");
  await page.getByRole("button", { name: "校验映射" }).click();
  const dialog = page.getByTestId("verify-dialog");
  await dialog.getByRole("button", { name: "开始校验" }).click();
  await expect(dialog.getByRole("progressbar", { name: "校验进度" })).toBeVisible();
  await expect(dialog.getByTestId("verify-progress")).toContainText("校验完成", {
    timeout: 30_000,
  });
  // 行政人事部, outside 会议助手's range, is inside 会议通's: bookable, so not a problem.
  await expect(dialog.getByTestId("verify-progress")).toContainText("不在可见范围 0");
  await page.keyboard.press("Escape");

  // Each mapping's result and when, in the table; filters live in the URL.
  await page.getByRole("searchbox", { name: /搜索姓名/ }).fill("E2E0");
  await page.getByRole("searchbox", { name: /搜索姓名/ }).press("Enter");
  await expect(page).toHaveURL(/q=E2E0/);
  const jia = page.getByTestId("account-row-E2E01");
  await expect(jia).toContainText("e2e-jia");
  await expect(jia).toContainText("企业微信中不存在");
  await expect(jia).toContainText(/经“会议助手”校验于/);
  await expect(page.getByTestId("account-row-E2E03")).toContainText("未关联");
  await page.goto("/settings/accounts?q=dengli");
  await expect(page.getByTestId("account-row-E1028")).toContainText("正常");
  await expect(page.getByTestId("account-row-E1028")).toContainText(
    /经“会议通（第三方应用）”校验于/,
  );
  await page.goto("/settings/accounts?verify=ok&q=zhangwei");
  await expect(page.getByTestId("account-row-E1001")).toContainText("正常");

  // 4. Export: the import's columns, UTF-8 with a BOM.
  await page.goto("/settings/accounts");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  const download = await downloading;
  const body = await readFile((await download.path())!, "utf8");
  expect(body.startsWith("\uFEFF姓名,工号,邮箱,手机,部门,状态,企业微信账号\n")).toBe(true);
  expect(body).toContain("端到端甲,E2E01,e2e-jia@example.com,,测试部,启用,e2e-jia\n");
  expect(body).toContain("端到端丙,E2E03,,,测试部,启用,\n");

  // 5. Edit an account's userid to one that is taken: refused at the field.
  await page.goto("/settings/accounts?q=E2E01");
  await page.getByTestId("account-row-E2E01").getByRole("link", { name: "编辑" }).click();
  const userId = page.getByLabel(/^企业微信账号（/);
  await expect(userId).toHaveValue("e2e-jia");
  await userId.fill("lihua");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(userId).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("account-form")).toContainText(
    "企业微信账号 lihua 已对应到账号“李华”（工号 E1005）",
  );
  // A free one is saved, and the change is in the account's history.
  await userId.fill("e2e-jia2");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("account-form-notice")).toHaveText("已保存");
  const history = page.getByTestId("account-history");
  await expect(history).toContainText("更换企业微信账号");
  await expect(history).toContainText("CSV 导入");
});

test("one bad row does not block the file: the valid rows are imported and verified at once", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/settings/accounts/import");
  await page
    .getByLabel("选择 CSV 文件")
    .setInputFiles(
      csv([
        "部分甲,E2EP1,,测试部,e2e-part-jia",
        "部分乙,E2EP2,,测试部,lihua",
        "部分丙,E2EP3,,测试部,",
      ]),
    );
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByText("错误 1")).toBeVisible();
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);

  // The person chooses to import the two valid rows.
  await page.getByRole("button", { name: "只导入有效的 2 行" }).click();
  await expect(page.getByTestId("import-done")).toContainText("导入完成：新增 2，更新 0，无变化 0");
  const skipped = page.getByTestId("import-skipped");
  await expect(skipped.getByRole("heading", { name: "未导入的行（1）" })).toBeVisible();
  await expect(skipped).toContainText(
    "第 3 行 · 企业微信账号：企业微信账号 lihua 已对应到账号“李华”（工号 E1005）",
  );

  // The userid it wrote is checked against WeCom right away, with the progress shown.
  const verify = page.getByTestId("import-verify");
  await expect(verify.getByRole("progressbar", { name: "校验进度" })).toBeVisible();
  await expect(verify.getByTestId("verify-progress")).toHaveText(
    "校验完成：正常 0，不存在 1，不在可见范围 0",
    { timeout: 30_000 },
  );
  // The finished import (skipped rows, verification) keeps axe clean.
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/settings/accounts?q=E2EP");
  await expect(page.getByTestId("account-row-E2EP1")).toContainText("企业微信中不存在");
  await expect(page.getByTestId("account-row-E2EP3")).toContainText("未关联");
  await expect(page.getByTestId("account-row-E2EP2")).toHaveCount(0);
});
