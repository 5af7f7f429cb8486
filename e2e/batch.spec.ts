// Booking a quarter's meetings from one spreadsheet (issue 18): the template, a GBK file
// saved from Excel with two bad rows (errors at their cells), the fixed file booked in the
// background with progress that survives a reload, the result CSV, and the same file again
// marked already booked with nothing sent to WeCom. Then 复制预约 from a booked meeting.
import { readFile } from "node:fs/promises";
import { expect, type Download, type Page } from "@playwright/test";
import iconv from "iconv-lite";
import {
  createsTitled,
  restoreSimulator,
  runTag,
  shanghai,
  SIM,
  simPost,
  simRequests,
  signedIn as test,
} from "./fixtures";

test.afterEach(async ({ request }) => {
  await restoreSimulator(request);
});

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const downloading = page.waitForEvent("download");
  await click();
  const d: Download = await downloading;
  return (await readFile((await d.path())!)).toString("utf8").replace(/^\uFEFF/, "");
}

const upload = (page: Page, name: string, buffer: Buffer, mimeType = "text/csv") =>
  page.getByLabel("选择文件").setInputFiles({ name, mimeType, buffer });

test("a quarter's meetings from one sheet: checked, booked in the background, never twice", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const tag = runTag();
  await page.goto("/meetings");
  await page.getByRole("link", { name: "批量预约" }).click();
  await expect(page.getByRole("heading", { name: "批量预约", level: 1 })).toBeVisible();

  // 1. The template: Chinese headers and example rows naming the demo's own app and people.
  const template = await downloaded(page, () =>
    page.getByRole("link", { name: "CSV 模板（中文表头）" }).click(),
  );
  const [header, ...examples] = template.trim().split(/\r?\n/);
  expect(header).toBe(
    "应用,管理员工号,会议标题,开始时间,时长（分钟）,参会人,响铃,入会密码,重复,重复间隔,重复结束日期,会议室,地点,描述,外部编号",
  );
  expect(examples).toHaveLength(2);
  expect(examples[0]).toContain("会议助手");
  // The second example books one of the demo corp's rooms.
  expect(examples[1]).toContain(",长江,");

  // 2. Thirty meetings, as Excel saves "CSV" on Chinese Windows: GBK. Line 6's title is
  //    too long; line 11 invites 邓丽 (E1028), outside 会议助手's visible range.
  const rows = (fixed: boolean) =>
    Array.from({ length: 30 }, (_, i) => {
      const start = shanghai(3 + Math.floor(i / 8), 9 + (i % 8));
      const title = !fixed && i === 4 ? `批量${tag}${"长".repeat(40)}` : `批量${tag} 第${i + 1}场`;
      const invitees = !fixed && i === 9 ? "E1006 E1028" : "E1006 E1007";
      return `会议助手,E1005,${title},${start.wall.replace("T", " ")},30,${invitees},,,,,,,,,`;
    });
  const sheet = (fixed: boolean) => [header, ...rows(fixed)].join("\r\n");
  await upload(page, "季度例会.csv", iconv.encode(sheet(false), "gbk"));
  const preview = page.getByTestId("batch-preview");
  await expect(preview.getByTestId("batch-summary")).toContainText("可预约 28");
  await expect(preview.getByTestId("batch-summary")).toContainText("有错误 2");
  const titleCell = page.getByTestId("batch-row-6").locator('td[data-field="title"]');
  await expect(titleCell.getByTestId("cell-error")).toContainText("会议标题最多");
  const inviteeCell = page.getByTestId("batch-row-11").locator('td[data-field="invitees"]');
  await expect(inviteeCell.getByTestId("cell-error")).toContainText(
    "不在应用“会议助手”的可见范围内",
  );
  await expect(page.getByTestId("batch-blocked")).toContainText("有 2 行有错误");
  await expect(page.getByRole("button", { name: "预约 28 场会议" })).toBeDisabled();
  expect(await createsTitled(request, `批量${tag}`)).toHaveLength(0);

  // 3. The fixed file (UTF-8 now), booked with WeCom slow enough to watch it go.
  const fixedFile = Buffer.from(`\uFEFF${sheet(true)}`);
  await upload(page, "季度例会.csv", fixedFile);
  await expect(preview.getByTestId("batch-summary")).toContainText("可预约 30");
  // Slow enough (4 at once, 1.5 s a call, under the e2e WeCom timeout of 3 s) to reload mid-way.
  await simPost(request, "/__sim/latency", { ms: 1500 });
  await page.getByRole("button", { name: "预约 30 场会议" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("将向企业微信预约 30 场会议");
  await page.getByRole("button", { name: "开始预约" }).click();
  await page.waitForURL(/\/meetings\/batch\/[^/]+$/);
  const bar = page.getByRole("progressbar");
  await expect(bar).toBeVisible();

  // 4. Reload mid-way: the progress comes from the record and keeps going.
  await expect
    .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 30_000 })
    .toBeGreaterThan(0);
  const before = Number(await bar.getAttribute("aria-valuenow"));
  expect(before).toBeLessThan(30);
  await page.reload();
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByTestId("batch-state")).toHaveText("已完成", { timeout: 90_000 });
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "30");
  await expect(page.getByTestId("batch-counts")).toContainText("成功 30");
  await expect(page.locator('[data-status="booked"]')).toHaveCount(30);
  expect(await createsTitled(request, `批量${tag}`)).toHaveLength(30);

  // 5. The result: the rows as uploaded plus what became of each.
  const result = await downloaded(page, () => page.getByTestId("batch-download").click());
  const [resultHeader, ...resultRows] = result.trim().split(/\r?\n/);
  expect(resultHeader).toContain("会议标题,开始时间");
  expect(resultHeader).toContain("结果,会议,meetingid,会议号,入会链接,原因");
  expect(resultRows).toHaveLength(30);
  for (const r of resultRows) expect(r).toContain("已预约");

  // 6. The same file again: every row already booked, nothing to send, nothing sent.
  await simPost(request, "/__sim/latency", { ms: 0 });
  await page.getByRole("link", { name: "再上传一个表格" }).click();
  await upload(page, "季度例会.csv", fixedFile);
  await expect(page.getByTestId("batch-summary")).toContainText("已预约 30");
  await expect(page.getByTestId("batch-summary")).toContainText("可预约 0");
  await expect(page.getByRole("button", { name: "预约 0 场会议" })).toBeDisabled();
  const creates = await request.get(`${SIM}/__sim/requests`, {
    params: { operation: "meeting/create" },
  });
  const titled = ((await creates.json()) as { body: { title?: string } }[]).filter((r) =>
    String(r.body.title ?? "").startsWith(`批量${tag}`),
  );
  expect(titled).toHaveLength(30);
});

test("a row's room is booked with its meeting; an unknown room is an error at its cell", async ({
  page,
  request,
}) => {
  const tag = runTag();
  await page.goto("/meetings/batch");
  const at = (hour: number) => shanghai(41, hour).wall.replace("T", " ");
  const sheet = [
    "应用,管理员工号,会议标题,开始时间,时长（分钟）,参会人,会议室",
    `会议助手,E1005,会议室${tag} 一,${at(8)},30,E1006,天枢`,
    `会议助手,E1005,会议室${tag} 二,${at(9)},30,E1006,火星`,
  ].join("\r\n");
  await upload(page, "会议室.csv", Buffer.from(`\uFEFF${sheet}`));
  const preview = page.getByTestId("batch-preview");
  await expect(preview.getByTestId("batch-summary")).toContainText("可预约 1");
  await expect(
    page.getByTestId("batch-row-3").locator('td[data-field="room"]').getByTestId("cell-error"),
  ).toHaveText("应用“会议助手”所在企业没有名为“火星”的会议室");
  await expect(
    page.getByTestId("batch-row-2").locator('td[data-field="room"]').getByTestId("cell-error"),
  ).toHaveCount(0);

  await page.getByRole("checkbox", { name: "只预约有效的行" }).check();
  await page.getByRole("button", { name: "预约 1 场会议" }).click();
  await page.getByRole("button", { name: "开始预约" }).click();
  await page.waitForURL(/\/meetings\/batch\/[^/]+$/);
  await expect(page.getByTestId("batch-state")).toHaveText("已完成", { timeout: 30_000 });
  const booked = page.getByTestId("result-row-2");
  await expect(booked).toHaveAttribute("data-status", "booked");
  await expect(booked.getByRole("cell", { name: "天枢" })).toBeVisible();
  await expect(page.getByTestId("result-row-3")).toContainText("没有名为“火星”的会议室");
  // Booked in WeCom for that meeting (the result links it by its WeCom meetingid).
  const meetingid = (await booked.getByRole("link").first().textContent())?.trim();
  const roomCalls = (await simRequests(request, "oa/meetingroom/book_by_meeting")).filter(
    (r) => r.body.meetingid === meetingid,
  );
  expect(roomCalls.map((r) => r.body.meetingroom_id)).toEqual([10]);

  // The result CSV keeps the room as uploaded.
  const result = await downloaded(page, () => page.getByTestId("batch-download").click());
  const [header, first] = result.trim().split(/\r?\n/);
  expect(header).toContain("会议室");
  expect(first).toContain(",天枢,");
  expect(first).toContain("已预约");

  // The meeting page shows its room.
  await booked.getByRole("link").first().click();
  await expect(page.getByTestId("meeting-room")).toContainText("天枢");
});

test("复制预约 opens the form filled with a meeting's settings and people, for a new time", async ({
  page,
}) => {
  await page.goto("/meetings");
  await page.getByRole("link", { name: "复制预约" }).first().click();
  await page.waitForURL(/\/meetings\/new\?copy=/);
  await expect(page.getByRole("heading", { name: "复制预约", level: 1 })).toBeVisible();
  await expect(page.getByLabel("会议标题")).not.toHaveValue("");
});
