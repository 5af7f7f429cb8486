// Issue 15, items 2, 4 and 5 in Chromium: an owner cannot get into another tenant through
// an account they made (and the inviting owner cannot take it over through the link),
// while the person who holds the link and the account's password lands in the inviting
// tenant; a browser that signed in before gets in at once while an attacker keeps the
// name's delay running; next-auth's own sign-out route ends the session version.
import { randomUUID } from "node:crypto";
import Database from "libsql";
import { expect, type Browser, type Page } from "@playwright/test";
import { BOOKER, E2E_DB, runTag, signIn, signedIn as test, VIEWER } from "./fixtures";

test.describe.configure({ mode: "serial", timeout: 180_000 });

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

async function fillSignIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("邮箱或用户名").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** The demo owner adds a person with an initial password; the person sets their own. */
async function personOfDemoTenant(page: Page, browser: Browser, email: string, own: string) {
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "添加用户" }).click();
  const dialog = page.getByTestId("add-user-dialog");
  await dialog.getByLabel("邮箱").fill(email);
  await dialog.getByLabel("姓名").fill(`财务${email.slice(0, 6)}`);
  await dialog.getByLabel("角色").selectOption({ label: "只读" });
  await dialog.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByTestId("user-added")).toBeVisible();
  const initial = await dialog.getByLabel("初始密码", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "完成" }).click();
  const them = await freshPage(browser);
  await fillSignIn(them, email, initial);
  await expect(them).toHaveURL(/\/change-password$/);
  await them.getByLabel("当前密码").fill(initial);
  await them.getByLabel("新密码", { exact: true }).fill(own);
  await them.getByLabel("再次输入新密码").fill(own);
  await them.getByRole("button", { name: "修改密码" }).click();
  await expect(them).toHaveURL(/\/meetings$/);
  return them;
}

/** A second tenant, owned by the demo booker (another person than the demo owner). */
function tenantOwnedByBooker(name: string): string {
  const db = new Database(E2E_DB);
  try {
    db.pragma("busy_timeout = 5000");
    const id = `t${randomUUID().replaceAll("-", "")}`;
    const now = new Date().toISOString();
    db.prepare(
      "INSERT INTO Tenant (id, name, slug, timeZone, createdAt, updatedAt) VALUES (?, ?, ?, 'Asia/Shanghai', ?, ?)",
    ).run(id, name, id, now, now);
    const booker = db.prepare("SELECT id FROM User WHERE email = ?").get(BOOKER.email) as {
      id: string;
    };
    db.prepare(
      "INSERT INTO Membership (id, tenantId, userId, role, disabled, createdAt, updatedAt) VALUES (?, ?, ?, 'owner', 0, ?, ?)",
    ).run(`m${id}`, id, booker.id, now, now);
    return id;
  } finally {
    db.close();
  }
}

function tenantsOf(email: string): string[] {
  const db = new Database(E2E_DB, { readonly: true });
  try {
    return (
      db
        .prepare(
          "SELECT m.tenantId AS t FROM Membership m JOIN User u ON u.id = m.userId WHERE u.email = ?",
        )
        .all(email) as { t: string }[]
    ).map((r) => r.t);
  } finally {
    db.close();
  }
}

test("B invites a person who has an account: the link alone takes nothing, the person's own password joins B", async ({
  page,
  browser,
}) => {
  const tag = runTag().toLowerCase();
  const email = `cfo-${tag}@victim.test`;
  // The demo owner (tenant A) made this account and knows its password.
  const own = `own-${tag}-password`;
  const person = await personOfDemoTenant(page, browser, email, own);
  const before = tenantsOf(email);
  expect(before).toHaveLength(1);

  // Tenant B's owner adds the same email: the answer is an invite link, as for anyone.
  const tenantB = `乙方${tag}`;
  const bId = tenantOwnedByBooker(tenantB);
  const owner = await freshPage(browser);
  await owner.context().addCookies([{ name: "mb_tenant", value: bId, url: page.url() }]);
  await signIn(owner, BOOKER);
  await owner.goto("/settings/users");
  await owner.getByRole("button", { name: "添加用户" }).click();
  const dialog = owner.getByTestId("add-user-dialog");
  await dialog.getByLabel("邮箱").fill(email);
  await dialog.getByLabel("姓名").fill("财务总监");
  await dialog.getByLabel("角色").selectOption({ label: "管理员" });
  await dialog.getByLabel(/生成邀请链接/).check();
  await dialog.getByRole("button", { name: "添加", exact: true }).click();
  await expect(owner.getByTestId("user-added")).toContainText("邀请链接已生成");
  const link = await dialog.getByLabel("邀请链接").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  // Nobody joined B by being added; A's owner, signed in as the account, still has A only.
  expect(tenantsOf(email)).toEqual(before);

  // B's owner opens their own link and tries to take the account: refused.
  await owner.goto(link);
  await owner.getByLabel("该账号的密码").fill("b-owner-chooses-this");
  await owner.getByRole("button", { name: "确认并加入" }).click();
  await expect(owner.locator("#password-error")).toHaveText(
    "密码不正确：请输入该邮箱已有账号的密码",
  );
  expect(tenantsOf(email)).toEqual(before);
  await owner.context().close();

  // The person opens the link, gives their own password, and lands in B.
  await person.goto(link);
  await expect(person.getByText(/该邮箱已有 MeetBridge 账号/)).toBeVisible();
  await person.getByLabel("该账号的密码").fill(own);
  await person.getByRole("button", { name: "确认并加入" }).click();
  await expect(person).toHaveURL(/\/meetings$/);
  await expect(person.getByRole("button", { name: /切换租户|Switch tenant/ })).toContainText(
    tenantB,
  );
  expect(tenantsOf(email).sort()).toEqual([...before, bId].sort());
  await person.context().close();
});

test("an attacker failing for a name keeps strangers waiting, but the browser that signed in before gets in at once", async ({
  page,
  browser,
}) => {
  const tag = runTag().toLowerCase();
  const email = `owner-${tag}@victim.test`;
  const own = `own-${tag}-password`;
  // Their browser signed in before: it holds a device cookie.
  const theirs = await personOfDemoTenant(page, browser, email, own);
  // Signed out since (the session gone), the device cookie kept. The page leaves the app
  // first: a request still in flight from it (a link prefetch) would bring the session
  // cookie back with its answer (next-auth renews it), after the cookies were cleared.
  await theirs.goto("about:blank");
  const kept = (await theirs.context().cookies()).filter((c) => c.name === "mb_device");
  expect(kept).toHaveLength(1);
  await theirs.context().clearCookies();
  await theirs.context().addCookies(kept);

  const attacker = await freshPage(browser);
  // The attacker fails as soon as each wait is over, until the name's wait is long enough
  // for the next two sign-ins to fall inside it.
  await attacker.goto("/login");
  await attacker.getByLabel("邮箱或用户名").fill(email);
  let wait = 0;
  for (let i = 0; i < 30 && wait < 8; i++) {
    await attacker.getByLabel("密码").fill(`guess-${i}`);
    await attacker.getByRole("button", { name: "登录" }).click();
    const error = attacker.getByTestId("login-error");
    await expect(error).toBeVisible();
    wait = Number(/请 (\d+) 秒后再试/.exec(await error.innerText())?.[1] ?? 0);
    if (wait > 0 && wait < 8) await attacker.waitForTimeout(wait * 1000);
    await expect(attacker.getByRole("button", { name: "登录" })).toBeEnabled();
  }
  expect(wait).toBeGreaterThanOrEqual(8);

  // A stranger with the right password waits like the attacker.
  const stranger = await freshPage(browser);
  await fillSignIn(stranger, email, own);
  await expect(stranger.getByTestId("login-error")).toContainText("尝试过于频繁");

  // The owner's browser signs in at once.
  await fillSignIn(theirs, email, own);
  await expect(theirs).toHaveURL(/\/meetings$/);
  for (const p of [attacker, stranger, theirs]) await p.context().close();
});

test("next-auth's own sign-out route ends the session: a saved copy of the cookie stops working", async ({
  browser,
}) => {
  const who = await freshPage(browser);
  await signIn(who, VIEWER);
  const saved = await who.context().storageState();
  const { csrfToken } = (await (await who.request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const out = await who.request.post("/api/auth/signout", {
    form: { csrfToken, callbackUrl: "/login" },
    maxRedirects: 0,
  });
  expect(out.status()).toBeLessThan(400);
  await who.context().close();

  const copy = await browser.newContext({ storageState: saved });
  const again = await copy.newPage();
  await again.goto("/meetings");
  await expect(again).toHaveURL(/\/login/);
  await copy.close();
});
