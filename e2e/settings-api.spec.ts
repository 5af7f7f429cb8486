import { expect } from "@playwright/test";
import { signedIn, signIn, test, VIEWER } from "./fixtures";

// API keys at /settings/api: an admin creates one and sees it once (copied, then gone),
// the list shows its prefix and that it was never used, revoking asks first and marks it
// revoked for the record, and the history has both. Whoever may not manage keys is refused.

signedIn("the owner creates a key, sees it once, and revokes it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = `OA 审批流 ${Date.now().toString(36)}`;

  await page.goto("/settings");
  await page.getByRole("link", { name: /API 密钥/ }).click();
  await expect(page).toHaveURL(/\/settings\/api$/);
  const usage = page.getByTestId("api-usage");
  await expect(usage).toContainText(/http:\/\/127\.0\.0\.1:\d+\/api\/v1/);
  await expect(usage).toContainText("Authorization: Bearer <key>");
  await expect(usage.getByRole("link", { name: "API 参考文档" })).toHaveAttribute(
    "href",
    "/api/v1/docs",
  );

  // The form checks the name before anything is sent.
  await page.getByRole("button", { name: "创建密钥" }).click();
  const dialog = page.getByTestId("create-api-key-dialog");
  await dialog.getByRole("button", { name: "创建", exact: true }).click();
  await expect(dialog.getByText("请填写名称")).toBeVisible();
  await dialog.getByLabel("名称").fill("x".repeat(61));
  await dialog.getByRole("button", { name: "创建", exact: true }).click();
  await expect(dialog.getByText("名称最多 60 个字符")).toBeVisible();
  // The owner role is not offered to a key.
  await expect(dialog.getByLabel("角色").locator("option")).toHaveText([
    "预约人",
    "管理员",
    "只读",
  ]);

  await dialog.getByLabel("名称").fill(`  ${name}  `);
  await dialog.getByLabel("角色").selectOption({ label: "管理员" });
  await dialog.getByRole("button", { name: "创建", exact: true }).click();
  const created = page.getByTestId("api-key-created");
  await expect(created).toContainText("此密钥只显示一次");
  const key = await created.getByLabel("API 密钥").inputValue();
  expect(key).toMatch(/^mbk_[A-Za-z0-9_-]{43}$/);
  await created.getByRole("button", { name: "复制" }).click();
  await expect(created.getByRole("button", { name: "已复制" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  // Closed, the key is gone: not in the dialog, not on the page, not after a reload.
  await created.getByRole("button", { name: "我已保存，关闭" }).click();
  await expect(created).toBeHidden();
  const row = page.getByTestId(`api-key-${name}`);
  await expect(row).toContainText(`${key.slice(0, 10)}…`);
  await expect(row).toContainText("管理员");
  await expect(row).toContainText("从未使用");
  await expect(row).toContainText("有效");
  await expect(row).toContainText("演示所有者");
  await page.getByRole("button", { name: "创建密钥" }).click();
  await expect(dialog.getByLabel("名称")).toHaveValue("");
  await page.keyboard.press("Escape");
  await page.reload();
  expect(await page.content()).not.toContain(key);

  // A second active key of that name is refused.
  await page.getByRole("button", { name: "创建密钥" }).click();
  await dialog.getByLabel("名称").fill(name);
  await dialog.getByRole("button", { name: "创建", exact: true }).click();
  await expect(dialog.getByText("已有同名的有效密钥")).toBeVisible();
  // What was typed is not dropped without a question: Escape asks, staying keeps it.
  await page.keyboard.press("Escape");
  const ask = page.getByRole("alertdialog", { name: "放弃未保存的修改？" });
  await ask.getByRole("button", { name: "继续填写" }).click();
  await expect(ask).toBeHidden();
  await expect(dialog.getByLabel("名称")).toHaveValue(name);
  await dialog.getByRole("button", { name: "取消" }).click();
  await ask.getByRole("button", { name: "放弃修改" }).click();
  await expect(dialog).toBeHidden();

  // Revoking asks first, naming the key; cancelling keeps it.
  await row.getByRole("button", { name: `吊销密钥「${name}」` }).click();
  const confirm = page.getByTestId("confirm-dialog");
  await expect(confirm).toContainText(`吊销密钥「${name}」？`);
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(row).toContainText("有效");
  await row.getByRole("button", { name: `吊销密钥「${name}」` }).click();
  await confirm.getByRole("button", { name: "吊销" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("已吊销");
  await expect(row).toContainText("演示所有者");
  await expect(row.getByRole("button", { name: /吊销/ })).toHaveCount(0);

  const history = page.getByTestId("api-keys-history");
  await expect(history).toContainText(`创建了密钥「${name}」，角色「管理员」`);
  await expect(history).toContainText(`吊销了密钥「${name}」`);
  await expect(history).toContainText(`密钥前缀：${key.slice(0, 10)}`);
  await expect(history.getByRole("row").nth(1)).toContainText("吊销了密钥");
});

test("a viewer cannot open the API keys page", async ({ page }) => {
  await signIn(page, VIEWER);
  await page.goto("/settings/api");
  await expect(page.getByText("你的角色无权访问此页面")).toBeVisible();
  await expect(page.getByRole("button", { name: "创建密钥" })).toHaveCount(0);
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.getByRole("link", { name: /API 密钥/ })).toHaveCount(0);
});
