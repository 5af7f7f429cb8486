// No dead end when the chosen app cannot see someone: the demo's 行政人事部 is outside
// 会议助手's visible range and inside 会议通's. The department option says how many the
// app can add and which app can add them all; after the add, the offer to switch to that
// app keeps everything typed and adds the five; the booking reaches WeCom with them; and
// 校验映射 no longer calls them 不在可见范围, while the account's page shows each app's view.
import { expect } from "@playwright/test";
import { seriousViolations } from "./axe";
import {
  ASSISTANT,
  SIM,
  createsTitled,
  landedMeetingId,
  pickPerson,
  runTag,
  shanghai,
  signedIn as test,
  submitButton,
} from "./fixtures";

const THIRD_PARTY = "会议通（第三方应用）";

interface Seed {
  members: { userid: string; name: string; departmentName: string }[];
}

test("a department 会议助手 cannot see is added by switching to 会议通, keeping what was typed", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const seed = (await (await request.get(`${SIM}/__sim/seed`)).json()) as Seed;
  const hr = seed.members.filter((m) => m.departmentName === "行政人事部");
  expect(hr).toHaveLength(5);
  const title = `行政例会 ${runTag()}`;
  const start = shanghai(9, 16, 30);

  await page.goto("/meetings/new");
  await page.getByLabel("企业微信应用").selectOption({ label: ASSISTANT });
  await pickPerson(page, "会议管理员", "张伟");
  await page.getByLabel("会议标题").fill(title);
  await page.getByLabel("会议开始时间").fill(start.wall);
  await page.getByLabel("会议地点").fill("3F 小会议室");
  await pickPerson(page, "参会人员", "徐晴");

  // Before the click: how many this app can add, and which app can add them all.
  await page.getByPlaceholder("搜索姓名、工号或部门").fill("行政人事部");
  const option = page.getByRole("option", { name: /^添加“行政人事部”/ });
  await expect(option).toContainText("此应用可添加 0/5 人");
  await expect(option).toContainText(`“${THIRD_PARTY}”可添加 5 人`);
  // One of them, alone, says who can see them.
  await expect(page.getByRole("option", { name: /^邓丽/ })).toContainText(
    `不在应用的可见范围内 · “${THIRD_PARTY}”可见`,
  );
  await option.click();

  const note = page.locator("#inviteeIds").locator("xpath=..").getByRole("status");
  await expect(note).toContainText("已从“行政人事部”添加 0 人。");
  await expect(page.getByText(`“${THIRD_PARTY}”能看到其中 5 人。`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: `改用“${THIRD_PARTY}”并添加` }).click();

  await expect(note).toContainText(`已改用“${THIRD_PARTY}”，从“行政人事部”添加 5 人。`);
  await expect(page.getByLabel("企业微信应用").locator("option:checked")).toHaveText(
    `示例科技有限公司 / ${THIRD_PARTY}`,
  );
  // Everything typed before is still there, and the five joined 徐晴.
  await expect(page.getByLabel("会议标题")).toHaveValue(title);
  await expect(page.getByLabel("会议开始时间")).toHaveValue(start.wall);
  await expect(page.getByLabel("会议地点")).toHaveValue("3F 小会议室");
  await expect(page.getByRole("combobox", { name: "会议管理员" })).toContainText("张伟");
  await expect(page.getByRole("combobox", { name: "参会人员" })).toContainText("已选 6 人");
  const chosen = page.getByRole("list", { name: "已选 6 人" });
  for (const m of [{ name: "徐晴" }, ...hr]) await expect(chosen).toContainText(m.name);
  await expect(page.getByRole("button", { name: /^改用/ })).toHaveCount(0);

  await submitButton(page).click();
  await landedMeetingId(page);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const creates = await createsTitled(request, title);
  expect(creates).toHaveLength(1);
  expect(creates[0]!.errcode).toBe(0);
  const invited = (creates[0]!.body as { invitees: { userid: string[] } }).invitees.userid;
  expect(invited).toEqual(expect.arrayContaining(hr.map((m) => m.userid)));
});

test("校验映射 does not call someone 不在可见范围 whom another bookable app can see", async ({
  page,
}) => {
  await page.goto("/settings/accounts?q=dengli");
  const row = page.getByTestId("account-row-E1028");
  await row.getByRole("link", { name: "邓丽" }).click();
  await page.getByRole("button", { name: "校验此账号的映射" }).click();
  const dialog = page.getByTestId("verify-dialog");
  await dialog.getByRole("button", { name: "开始校验" }).click();
  await expect(dialog.getByTestId("verify-progress")).toContainText(
    "校验完成：正常 1，不存在 0，不在可见范围 0",
  );
  await page.keyboard.press("Escape");
  const mappings = page.getByTestId("account-mappings");
  // The mapping's verdict: 正常, no longer 不在可见范围.
  await expect(mappings.getByText("正常", { exact: true })).toBeVisible();
  await expect(mappings.getByText("不在可见范围", { exact: true })).toHaveCount(0);
  await expect(mappings).toContainText(`经“${THIRD_PARTY}”校验于`);
  // And per bookable app: who can book 邓丽 and who cannot.
  const byApp = mappings.getByRole("list", { name: "各可预约应用" });
  await expect(byApp.getByRole("listitem")).toHaveText([
    "会议助手：不在可见范围",
    `${THIRD_PARTY}：可预约`,
    "会议预约（代开发）：可预约",
  ]);
});
