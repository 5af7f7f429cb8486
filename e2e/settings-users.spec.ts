import Database from "libsql";
import { expect, type Browser, type Page } from "@playwright/test";
import { E2E_DB, runTag, signIn, signedIn as test } from "./fixtures";

// The owner's users page (/settings/users) and what the people it adds see: an initial
// password that must be changed, roles that limit them, disabling that ends their session,
// invite links that work once, and the rule that a tenant keeps its last owner.

const FORBIDDEN = "你的角色无权访问此页面";

/** A second person's browser, as a fresh context with nobody signed in. */
async function freshPage(browser: Browser): Promise<Page> {
  // Contexts made in a test take the test's options: without this, the owner's cookies.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

async function fillSignIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("邮箱或用户名").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

async function addUser(
  page: Page,
  who: { email: string; name: string; role: string; method: "password" | "invite" },
) {
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "添加用户" }).click();
  const dialog = page.getByTestId("add-user-dialog");
  await dialog.getByLabel("邮箱").fill(who.email);
  await dialog.getByLabel("姓名").fill(who.name);
  await dialog.getByLabel("角色").selectOption({ label: who.role });
  if (who.method === "invite") await dialog.getByLabel(/生成邀请链接/).check();
  await dialog.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByTestId("user-added")).toBeVisible();
  const value = await dialog
    .getByLabel(who.method === "password" ? "初始密码" : "邀请链接")
    .inputValue();
  await dialog.getByRole("button", { name: "完成" }).click();
  return value;
}

/** Opens the confirmation of a change to a member's row and confirms it. */
async function confirm(page: Page) {
  const dialog = page.getByTestId("confirm-dialog");
  await dialog.getByRole("button", { name: "确认" }).click();
  return dialog;
}

test("the add-user dialog says, one line each, what each role may do", async ({ page }) => {
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "添加用户" }).click();
  const dialog = page.getByTestId("add-user-dialog");
  const lines = dialog.getByRole("list", { name: "谁可以做什么" }).getByRole("listitem");
  await expect(lines).toHaveText([
    "所有者：“管理员”的全部权限，另可管理用户与角色",
    "管理员：“预约人”的全部权限，另可修改和取消任何会议、设置企业与应用、管理内部账号、修改租户名称和时区、管理 API 密钥",
    "预约人：“只读”的全部权限，另可预约会议、修改和取消自己预约的会议",
    "只读：查看会议和日历、查看报文日志",
  ]);
  // The role chosen in the form is the one marked.
  const marked = dialog.locator('li[aria-current="true"]');
  await expect(marked).toHaveText(/^只读：/);
  await dialog.getByLabel("角色").selectOption({ label: "预约人" });
  await expect(marked).toHaveText(/^预约人：/);
});

test("an added user changes the initial password, has the role's limits, and is signed out when disabled", async ({
  page,
  browser,
}) => {
  const tag = runTag().toLowerCase();
  const email = `new-${tag}@meetbridge.local`;
  const name = `新同事${tag}`;
  const initial = await addUser(page, { email, name, role: "只读", method: "password" });
  expect(initial).toMatch(/^[A-Za-z2-9]{16}$/);
  const row = page.getByTestId(`member-${email}`);
  await expect(row.getByText("待修改初始密码")).toBeVisible();

  // Their first sign-in leads to the change-password page, and every page leads back there.
  const them = await freshPage(browser);
  await fillSignIn(them, email, initial);
  await expect(them).toHaveURL(/\/change-password$/);
  await them.goto("/meetings");
  await expect(them).toHaveURL(/\/change-password$/);
  await them.getByLabel("当前密码").fill(initial);
  await them.getByLabel("新密码", { exact: true }).fill("short");
  await them.getByLabel("再次输入新密码").fill("different");
  await them.getByRole("button", { name: "修改密码" }).click();
  await expect(them.locator("#password-error")).toHaveText("密码至少 8 个字符");
  await expect(them.locator("#confirm-error")).toHaveText("两次输入的新密码不一致");
  await them.getByLabel("新密码", { exact: true }).fill("my-own-password");
  await them.getByLabel("再次输入新密码").fill("my-own-password");
  await them.getByRole("button", { name: "修改密码" }).click();

  // The dashboard, with a viewer's limits.
  await expect(them).toHaveURL(/\/meetings$/);
  await expect(them.getByTestId("signed-in-user")).toHaveText(name);
  await expect(them.getByRole("link", { name: "预约会议" })).toHaveCount(0);
  await them.goto("/meetings/new");
  await expect(them.getByText(FORBIDDEN)).toBeVisible();
  await them.goto("/settings/users");
  await expect(them.getByText(FORBIDDEN)).toBeVisible();

  // The owner makes them a booker: their next page offers booking.
  await page.reload();
  await expect(row.getByText("待修改初始密码")).toHaveCount(0);
  await row.getByLabel(`${name} 的角色`).selectOption({ label: "预约人" });
  await expect(page.getByTestId("confirm-dialog")).toContainText("从「只读」改为「预约人」");
  await confirm(page);
  await expect(row.getByTestId("member-role")).toHaveText("预约人");
  await them.goto("/meetings");
  await expect(them.getByRole("link", { name: "预约会议" })).toBeVisible();

  // Disabled: their very next request signs them out.
  await row.getByRole("button", { name: "停用" }).click();
  await expect(page.getByTestId("confirm-dialog")).toContainText(`停用 ${name}？`);
  await confirm(page);
  await expect(row.getByText("已停用")).toBeVisible();
  await them.reload();
  await expect(them).toHaveURL(/\/login$/);
  await expect(them.getByLabel("邮箱或用户名")).toBeVisible();
  await fillSignIn(them, email, "my-own-password");
  await expect(them.getByTestId("no-tenant")).toBeVisible();

  // Every change is in the history, without a password.
  const history = page.getByTestId("users-history");
  await expect(history).toContainText(`添加了 ${name} (${email})，角色「只读」（初始密码）`);
  await expect(history).toContainText(`${name} (${email}) 修改了自己的密码`);
  await expect(history).toContainText("角色从「只读」改为「预约人」");
  await expect(history).toContainText(`停用了 ${name} (${email})；已退出其全部登录`);
  await expect(history).not.toContainText(initial);
  await them.context().close();
});

test("the last owner cannot demote, disable or remove themselves", async ({ page }) => {
  await page.goto("/settings/users");
  const row = page.getByTestId("member-demo@meetbridge.local");
  await row.getByLabel("演示所有者 的角色").selectOption({ label: "管理员" });
  const dialog = await confirm(page);
  await expect(dialog.getByTestId("confirm-error")).toHaveText(
    "租户至少要保留一位所有者：请先把另一位成员设为所有者",
  );
  await dialog.getByRole("button", { name: "取消" }).click();
  await row.getByRole("button", { name: "移除" }).click();
  await expect((await confirm(page)).getByTestId("confirm-error")).toContainText(
    "至少要保留一位所有者",
  );
  await page.getByTestId("confirm-dialog").getByRole("button", { name: "取消" }).click();
  await page.reload();
  await expect(row.getByTestId("member-role")).toHaveText("所有者");
  await expect(row.getByText("正常")).toBeVisible();
});

test("an invite link sets a password and signs in once; a used or expired link says so", async ({
  page,
  browser,
}) => {
  const tag = runTag().toLowerCase();
  const email = `invited-${tag}@meetbridge.local`;
  const link = await addUser(page, { email, name: `受邀${tag}`, role: "预约人", method: "invite" });
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  await expect(page.getByTestId(`invite-${email}`)).toContainText("待接受");

  const them = await freshPage(browser);
  await them.goto(link);
  await expect(them.getByText(`邀请你（${email}）使用 MeetBridge`)).toBeVisible();
  await them.getByLabel("新密码", { exact: true }).fill("invited-password");
  await them.getByLabel("再次输入新密码").fill("invited-password");
  await them.getByRole("button", { name: "设置密码并登录" }).click();
  await expect(them).toHaveURL(/\/meetings$/);
  await expect(them.getByTestId("signed-in-user")).toHaveText(`受邀${tag}`);
  await expect(them.getByRole("link", { name: "预约会议" })).toBeVisible();
  await them.context().close();

  const again = await freshPage(browser);
  await again.goto(link);
  await expect(again.getByTestId("invite-unavailable")).toContainText("此邀请链接已使用过");
  await page.reload();
  await expect(page.getByTestId(`invite-${email}`)).toContainText("已接受");
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();

  // An invite whose week is over.
  const lateEmail = `late-${tag}@meetbridge.local`;
  const late = await addUser(page, {
    email: lateEmail,
    name: "过期",
    role: "只读",
    method: "invite",
  });
  const db = new Database(E2E_DB);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("UPDATE Invite SET expiresAt = createdAt WHERE email = ?").run(lateEmail);
  } finally {
    db.close();
  }
  await again.goto(late);
  await expect(again.getByTestId("invite-unavailable")).toContainText("此邀请链接已过期");
  await again.goto("/invite/not-a-real-token");
  await expect(again.getByTestId("invite-unavailable")).toContainText("链接无效");
  await again.context().close();
});

test("after signing out, a saved copy of the session cookie no longer opens the meetings", async ({
  browser,
}) => {
  const who = await freshPage(browser);
  await signIn(who, { email: "booker@meetbridge.local", password: "meetbridge-demo" });
  const saved = await who.context().storageState();
  await who.getByRole("button", { name: "用户菜单" }).click();
  await who.getByRole("menuitem", { name: "退出登录" }).click();
  await expect(who).toHaveURL(/\/login/);
  await who.context().close();

  const copy = await browser.newContext({ storageState: saved });
  const page = await copy.newPage();
  await page.goto("/meetings");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("邮箱或用户名")).toBeVisible();
  await copy.close();
});

test("everyone changes their own password from the user menu", async ({ browser }) => {
  // The admin account, changed and then changed back, so the other specs find it as seeded.
  const page = await freshPage(browser);
  await signIn(page, { email: "admin@meetbridge.local", password: "meetbridge-demo" });
  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByRole("menuitem", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel("当前密码").fill("wrong-password");
  await page.getByLabel("新密码", { exact: true }).fill("admin-new-password");
  await page.getByLabel("再次输入新密码").fill("admin-new-password");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("#current-error")).toHaveText("当前密码不正确");
  await page.getByLabel("当前密码").fill("meetbridge-demo");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByTestId("password-changed")).toBeVisible();

  await page.getByLabel("当前密码").fill("admin-new-password");
  await page.getByLabel("新密码", { exact: true }).fill("meetbridge-demo");
  await page.getByLabel("再次输入新密码").fill("meetbridge-demo");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByTestId("password-changed")).toBeVisible();
  await page.context().close();
});
