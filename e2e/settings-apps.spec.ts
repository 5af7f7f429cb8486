import { expect, type Page } from "@playwright/test";
import Database from "libsql";
import { test, DEMO, E2E_DB, SIM, runTag, signIn } from "./fixtures";

// An owner connects WeCom from the browser: a corp, then an app of each kind pointing at
// the simulator. Each save checks the app at once. It runs in a tenant of its own (the
// demo tenant already has the simulator's corp), which the demo owner owns.

interface SeedApp {
  key: string;
  agentId: number;
  secret?: string;
  suiteId?: string;
  suiteSecret?: string;
  suiteTicket?: string;
  permanentCode?: string;
}

function e2eDb<T>(work: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB);
  db.pragma("busy_timeout = 5000");
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const now = () => new Date().toISOString().replace("Z", "+00:00");

/** A new tenant the demo owner owns (what a sign-up would make); returns its name. */
function tenantOfDemoOwner(tag: string): { id: string; name: string } {
  const id = `e2e-apps-${tag.toLowerCase()}`;
  const name = `应用设置 ${tag}`;
  e2eDb((db) => {
    const owner = db.prepare("SELECT id FROM User WHERE email = ?").get(DEMO.email) as {
      id: string;
    };
    db.prepare(
      "INSERT INTO Tenant (id, name, slug, timeZone, createdAt, updatedAt) VALUES (?, ?, ?, 'Asia/Shanghai', ?, ?)",
    ).run(id, name, id, now(), now());
    db.prepare(
      "INSERT INTO Membership (id, tenantId, userId, role, createdAt, updatedAt) VALUES (?, ?, ?, 'owner', ?, ?)",
    ).run(`${id}-owner`, id, owner.id, now(), now());
  });
  return { id, name };
}

/** One OA account mapped to a member every simulator app can see, so checks can try a meeting call. */
function mapMember(tenantId: string, userId: string, name: string) {
  e2eDb((db) => {
    const corp = db.prepare("SELECT id FROM Corp WHERE tenantId = ?").get(tenantId) as {
      id: string;
    };
    const account = `${tenantId}-${userId}`;
    db.prepare(
      "INSERT INTO OaAccount (id, tenantId, name, active, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, ?)",
    ).run(account, tenantId, name, now(), now());
    db.prepare(
      "INSERT INTO Mapping (id, tenantId, corpRowId, oaAccountId, wecomUserId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).run(`${account}-map`, tenantId, corp.id, account, userId, now(), now());
  });
}

/** Every document, fetch and XHR body the browser received, for looking for secrets. */
function responseBodies(page: Page): () => Promise<string[]> {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (["document", "fetch", "xhr"].includes(response.request().resourceType()))
      bodies.push(response.text().catch(() => ""));
  });
  return () => Promise.all(bodies);
}

async function openAddApp(page: Page) {
  await page.getByRole("button", { name: "添加应用", exact: true }).click();
  const dialog = page.getByTestId("app-dialog");
  await expect(dialog.getByRole("heading", { name: "添加应用" })).toBeVisible();
  return dialog;
}

test("an owner connects a corp and an app of each kind, fixes a wrong secret and disables an app", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const received = responseBodies(page);
  const seed = (await (await request.get(`${SIM}/__sim/seed`)).json()) as {
    corps: { corpId: string }[];
    apps: SeedApp[];
  };
  const app = (key: string) => seed.apps.find((a) => a.key === key)!;
  const corpId = seed.corps[0]!.corpId;
  const baseUrl = `${SIM}/cgi-bin/`;
  const tag = runTag();
  const wrongSecret = `wrong-secret-${tag}-0123456789`;
  const tenant = tenantOfDemoOwner(tag);

  await signIn(page);
  await page.getByRole("button", { name: "切换租户" }).click();
  await page.getByRole("menuitem", { name: tenant.name }).click();
  await expect(page.getByTestId("current-tenant")).toHaveText(tenant.name);
  await page.goto("/settings/apps");
  await expect(page.getByText("还没有连接企业微信应用")).toBeVisible();

  // The corp.
  await page.getByRole("button", { name: "添加企业" }).click();
  const corpDialog = page.getByTestId("corp-dialog");
  await corpDialog.getByLabel("企业 ID（CorpID）").fill(corpId);
  await corpDialog.getByLabel("企业名称").fill("模拟企业");
  await corpDialog.getByRole("button", { name: "保存" }).click();
  await expect(corpDialog).toBeHidden();
  await expect(page.getByTestId(`corp-${corpId}`)).toContainText("模拟企业");
  mapMember(tenant.id, "zhangwei", "张伟");

  // Self-built, with a wrong secret first: saved, and the check's message at the secret field.
  const assistant = app("meeting-assistant");
  let dialog = await openAddApp(page);
  await dialog.getByLabel("应用名称").fill("会议助手");
  await dialog.getByLabel("AgentId").fill(String(assistant.agentId));
  await dialog.getByLabel("应用 Secret").fill(wrongSecret);
  await dialog.getByLabel("接口地址").fill(baseUrl);
  await dialog.getByRole("button", { name: "保存并检查" }).click();
  await expect(dialog.locator("#app-secret-error")).toContainText("Secret 无效");
  await expect(dialog.getByTestId("app-secret-state")).toHaveText("应用 Secret：已设置");
  await expect(dialog.getByLabel("应用 Secret")).toHaveValue("");
  await dialog.getByLabel("应用 Secret").fill(assistant.secret!);
  await dialog.getByRole("button", { name: "保存并检查" }).click();
  await expect(dialog).toBeHidden();
  const assistantRow = page.getByTestId(`app-row-${assistant.agentId}`);
  await expect(assistantRow.getByText("已授权会议权限")).toBeVisible();
  await expect(assistantRow.getByText("4 个部门")).toBeVisible();

  // Self-built without the meeting permission: which app, and why.
  const notice = app("notice-bot");
  dialog = await openAddApp(page);
  await dialog.getByLabel("应用名称").fill("通知公告");
  await dialog.getByLabel("AgentId").fill(String(notice.agentId));
  await dialog.getByLabel("应用 Secret").fill(notice.secret!);
  await dialog.getByLabel("接口地址").fill(baseUrl);
  await dialog.getByRole("button", { name: "保存并检查" }).click();
  await expect(dialog).toBeHidden();
  const noticeRow = page.getByTestId(`app-row-${notice.agentId}`);
  await expect(noticeRow.getByText("无会议权限")).toBeVisible();
  await expect(noticeRow.getByTestId("app-check-error")).toContainText(
    "没有“会议”接口权限（48002）",
  );
  await expect(noticeRow.getByTestId("app-check-error")).toContainText("应用管理 → 会议 → API");

  // Customised development (代开发): agentid and the app secret from the authorisation.
  const custom = app("custom-dev");
  dialog = await openAddApp(page);
  await dialog.getByLabel("应用类型").selectOption({ label: "代开发应用" });
  await dialog.getByLabel("应用名称").fill("会议预约（代开发）");
  await dialog.getByLabel("AgentId").fill(String(custom.agentId));
  await dialog.getByLabel("应用 Secret").fill(custom.secret!);
  await dialog.getByLabel("接口地址").fill(baseUrl);
  await dialog.getByRole("button", { name: "保存并检查" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByTestId(`app-row-${custom.agentId}`).getByText("已授权会议权限"),
  ).toBeVisible();

  // Third-party: suite id, secret and ticket, and the permanent code the corp granted.
  const suite = app("third-party");
  dialog = await openAddApp(page);
  await dialog.getByLabel("应用类型").selectOption({ label: "第三方应用" });
  await expect(dialog.getByLabel("应用 Secret")).toHaveCount(0);
  await expect(dialog.getByLabel("授权企业 CorpID")).toHaveValue(corpId);
  await dialog.getByLabel("应用名称").fill("会议通（第三方应用）");
  await dialog.getByLabel("AgentId").fill(String(suite.agentId));
  await dialog.getByLabel("Suite ID").fill(suite.suiteId!);
  await dialog.getByLabel("Suite Secret").fill(suite.suiteSecret!);
  await dialog.getByLabel("Suite Ticket").fill(suite.suiteTicket!);
  await dialog.getByLabel("永久授权码").fill(suite.permanentCode!);
  await dialog.getByLabel("接口地址").fill(baseUrl);
  await dialog.getByRole("button", { name: "保存并检查" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByTestId(`app-row-${suite.agentId}`).getByText("已授权会议权限"),
  ).toBeVisible();

  // Editing shows which secrets are set, never their values.
  await page.getByRole("button", { name: "编辑应用「会议通（第三方应用）」" }).click();
  dialog = page.getByTestId("app-dialog");
  for (const [id, label] of [
    ["app-suiteSecret", "Suite Secret"],
    ["app-suiteTicket", "Suite Ticket"],
    ["app-permanentCode", "永久授权码"],
  ] as const) {
    await expect(dialog.getByTestId(`${id}-state`)).toHaveText(`${label}：已设置`);
    await expect(dialog.getByLabel(label)).toHaveValue("");
  }
  await dialog.getByRole("button", { name: "取消" }).first().click();

  // Offered for booking while it passes; disabled (after a confirmation), no more.
  await page.goto("/meetings/new");
  const option = page.getByRole("option", { name: /模拟企业 \/ 会议助手/ });
  await expect(option).toBeEnabled();
  await page.goto("/settings/apps");
  await page.getByRole("button", { name: "停用应用「会议助手」" }).click();
  const confirm = page.getByTestId("disable-app-dialog");
  await expect(confirm).toContainText("停用后该应用不能再预约会议");
  await confirm.getByRole("button", { name: "停用" }).click();
  await expect(confirm).toBeHidden();
  await expect(assistantRow.getByText("已停用")).toBeVisible();
  await page.goto("/meetings/new");
  await expect(page.getByRole("option", { name: /模拟企业 \/ 会议助手/ })).toBeDisabled();
  await expect(page.getByRole("option", { name: /模拟企业 \/ 会议助手/ })).toContainText("已停用");
  await expect(page.getByRole("option", { name: /模拟企业 \/ 会议预约（代开发）/ })).toBeEnabled();

  // The change log: each step, secrets only as "set".
  await page.goto("/settings/apps");
  const log = page.locator('[data-testid^="audit-app-"]', { hasText: "应用「会议助手」" });
  await log.locator("summary").click();
  await expect(log.getByText("停用应用")).toBeVisible();
  await expect(log.getByText("添加应用")).toBeVisible();
  await expect(log.getByText("应用 Secret：已更改")).toBeVisible();
  await expect(log.getByText("状态：正常 → 已停用")).toBeVisible();

  // No response the browser received holds a secret typed in this test.
  const bodies = (await received()).join("\n");
  expect(bodies.length).toBeGreaterThan(1000);
  for (const secret of [
    wrongSecret,
    assistant.secret!,
    notice.secret!,
    custom.secret!,
    suite.suiteSecret!,
    suite.suiteTicket!,
    suite.permanentCode!,
  ])
    expect(bodies).not.toContain(secret);
});
