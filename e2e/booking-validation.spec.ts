// Every rule of the booking form says what is wrong at its field, and nothing that breaks
// a rule reaches WeCom: the browser stops it, and the server stops it when the browser
// is bypassed.
import { expect, type Page, type Request } from "@playwright/test";
import {
  ASSISTANT,
  createsTitled,
  runTag,
  shanghai,
  signedIn as test,
  startBooking,
  submitButton,
} from "./fixtures";

/** The booking submissions (server action calls carrying the form's values) the page sent. */
function watchSubmissions(page: Page): Request[] {
  const sent: Request[] = [];
  page.on("request", (r) => {
    if (
      r.method() === "POST" &&
      r.headers()["next-action"] &&
      (r.postData() ?? "").includes("idempotencyKey")
    )
      sent.push(r);
  });
  return sent;
}

const error = (page: Page, field: string) => page.locator(`#${field}-error`);

test("a form with nothing chosen says what is required", async ({ page, request }) => {
  const tag = runTag();
  const sent = watchSubmissions(page);
  await page.goto("/meetings/new");
  await expect(page.locator("#adminId-description")).toHaveText("请先选择应用");
  await expect(page.getByRole("combobox", { name: "会议管理员" })).toBeDisabled();
  await submitButton(page).click();
  await expect(error(page, "appId")).toHaveText("此项为必填项");
  await expect(error(page, "adminId")).toHaveText("此项为必填项");
  await expect(error(page, "title")).toHaveText("此项为必填项");
  await expect(page.getByLabel("企业微信应用")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("企业微信应用")).toBeFocused();

  // Each answer clears its message; choosing the app enables the admin picker.
  await page.getByLabel("会议标题").fill(`必填 ${tag}`);
  await expect(error(page, "title")).toBeEmpty();
  await page.getByLabel("企业微信应用").selectOption({ label: ASSISTANT });
  await expect(error(page, "appId")).toBeEmpty();
  await expect(page.getByRole("combobox", { name: "会议管理员" })).toBeEnabled();
  await submitButton(page).click();
  await expect(error(page, "adminId")).toHaveText("此项为必填项");

  // The browser sent nothing, so nothing reached WeCom.
  expect(sent).toHaveLength(0);
  expect(await createsTitled(request, tag)).toHaveLength(0);
});

// A message shown when a field loses focus would push the submit button down between
// mousedown and mouseup, so the click that left the field would miss it: the form checks
// on submit (and re-checks a field as it is corrected), never on blur.
test("the click that leaves an invalid field still submits", async ({ page }) => {
  await page.goto("/meetings/new");
  await expect(page.getByRole("combobox", { name: "会议管理员" })).toBeDisabled();
  await page.getByLabel("会议标题").fill("   ");
  await submitButton(page).click();
  await expect(error(page, "title")).toHaveText("此项为必填项");
  await expect(error(page, "appId")).toHaveText("此项为必填项");
  await expect(page.getByLabel("企业微信应用")).toBeFocused();
});

test("each rule is told at its field, and nothing reaches WeCom", async ({ page, request }) => {
  test.setTimeout(60_000); // a dozen rules, each broken and mended in a large form
  const tag = runTag();
  const sent = watchSubmissions(page);
  await startBooking(page, { title: `规则 ${tag}`, start: shanghai(5, 10).wall });
  const submit = submitButton(page);

  // Title: at most 40 units, CJK counting 2, with a live counter.
  const title = page.getByLabel("会议标题");
  await title.fill("长".repeat(20));
  await expect(page.locator("#title-description")).toHaveText("40/40 单位（英文 1，中文 2）");
  await title.fill("长".repeat(20) + "x");
  await expect(page.locator("#title-description")).toHaveText("41/40 单位（英文 1，中文 2）");
  await submit.click();
  await expect(error(page, "title")).toHaveText(
    "会议标题最多 40 个单位（英文字符 1 个单位，中文等其他字符 2 个单位）",
  );
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(title).toBeFocused(); // the first field in error takes the focus
  await title.fill(`规则 ${tag}`);
  await expect(error(page, "title")).toBeEmpty();

  // Start: later than now in the tenant's zone.
  const start = page.getByLabel("会议开始时间");
  await start.fill(shanghai(-1, 10).wall);
  await submit.click();
  await expect(error(page, "start")).toHaveText("开始时间必须晚于现在");
  await expect(start).toBeFocused();
  await start.fill(shanghai(5, 10).wall);
  await expect(error(page, "start")).toBeEmpty();

  // Duration: at least 5 minutes, below 24 hours.
  const duration = page.getByLabel("会议时长（分钟）");
  await duration.fill("4");
  await submit.click();
  await expect(error(page, "durationMin")).toHaveText("会议时长至少 5 分钟");
  await expect(duration).toBeFocused();
  await duration.fill("1440");
  await submit.click();
  await expect(error(page, "durationMin")).toHaveText("会议时长须少于 24 小时");
  await duration.fill("1439");
  await expect(error(page, "durationMin")).toBeEmpty();

  // Description: at most 500 bytes of UTF-8 (a Chinese character takes 3).
  const description = page.getByLabel("会议描述");
  await description.fill("描".repeat(167));
  await expect(page.locator("#description-description")).toHaveText("501/500 字节");
  await submit.click();
  await expect(error(page, "description")).toHaveText("会议描述最多 500 字节（一个汉字占 3 字节）");
  await expect(description).toBeFocused();
  await description.fill("描".repeat(166) + "xx");
  await expect(page.locator("#description-description")).toHaveText("500/500 字节");
  await expect(error(page, "description")).toBeEmpty();

  // Location: at most 128 characters.
  const location = page.getByLabel("会议地点");
  await location.fill("会".repeat(129));
  await expect(page.locator("#location-description")).toHaveText("129/128 字符");
  await submit.click();
  await expect(error(page, "location")).toHaveText("会议地点最多 128 个字符");
  await expect(location).toBeFocused();
  await location.fill("会".repeat(128));
  await expect(error(page, "location")).toBeEmpty();

  // Password: 4–6 digits.
  const password = page.getByLabel("入会密码");
  await password.fill("12ab");
  await submit.click();
  await expect(error(page, "password")).toHaveText("入会密码须为 4–6 位数字");
  await expect(password).toBeFocused();
  await password.fill("123456");
  await expect(error(page, "password")).toBeEmpty();

  // Ring members: shown only for "chosen members", and required then.
  const ring = page.getByRole("combobox", { name: "指定响铃成员" });
  await expect(ring).toHaveCount(0);
  await page.getByLabel("会议提醒方式").selectOption({ label: "提醒指定成员" });
  await expect(ring).toBeVisible();
  await submit.click();
  await expect(error(page, "ringIds")).toHaveText(
    "提醒方式为“提醒指定成员”时，请至少选择一位响铃成员",
  );
  await page.getByLabel("会议提醒方式").selectOption({ label: "提醒所有成员" });
  await expect(ring).toHaveCount(0);

  // The series fields appear with the series: one choice, weekly when first turned on,
  // and no separate interval (「每周」 once).
  const repeatType = page.getByLabel("周期重复类型");
  await expect(repeatType).toHaveCount(0);
  await page.getByRole("switch", { name: "周期性会议" }).click();
  await expect(repeatType).toBeVisible();
  await expect(repeatType).toHaveValue("weekly");
  await expect(page.getByLabel("重复间隔")).toHaveCount(0);
  await expect(repeatType.getByRole("option")).toHaveText([
    "每天",
    "每个工作日",
    "每周",
    "每两周",
    "每月",
    "自定义", // 会议助手 is a self-built app
  ]);
  await repeatType.selectOption({ label: "每月" });

  // A monthly series ending five years on makes 61 meetings: WeCom allows 50.
  const now = new Date(Date.now() + 8 * 3600_000);
  const day = (years: number) =>
    new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth() + 1, 10))
      .toISOString()
      .slice(0, 10);
  await start.fill(`${day(0)}T10:00`);
  await page.getByLabel("重复结束时间").fill(day(5));
  await expect(page.locator("#repeatUntil-description")).toHaveText("共 61 次（上限 50 次）");
  await submit.click();
  await expect(error(page, "repeatUntil")).toHaveText(
    "该结束时间会产生 61 次会议，超过企业微信的上限 50 次",
  );
  await expect(page.getByLabel("重复结束时间")).toBeFocused();
  await page.getByRole("switch", { name: "周期性会议" }).click();
  await expect(repeatType).toHaveCount(0);

  // Not one of those submissions left the browser, let alone reached WeCom.
  expect(sent).toHaveLength(0);
  expect(await createsTitled(request, tag)).toHaveLength(0);
});

test("the server applies the same rules when the browser's checks are bypassed", async ({
  page,
  request,
}) => {
  const tag = runTag();
  await startBooking(page, { title: `服务端 ${tag}`, start: shanghai(6, 9).wall });
  await page.getByLabel("入会密码").fill("2468");
  // The browser's checks pass; the submission is changed on its way to the server, as a
  // hand-made request would be.
  let tampered = 0;
  await page.route("**/meetings/new", async (route) => {
    const req = route.request();
    const body = req.postData() ?? "";
    if (req.method() !== "POST" || !body.includes("idempotencyKey")) return route.continue();
    const [values] = JSON.parse(body) as [Record<string, unknown>];
    values.title = `${"长".repeat(20)} ${tag}`;
    values.password = "12ab";
    values.start = shanghai(-1, 9).wall;
    tampered++;
    return route.continue({ postData: JSON.stringify([values]) });
  });
  await submitButton(page).click();
  await expect(error(page, "title")).toHaveText(
    "会议标题最多 40 个单位（英文字符 1 个单位，中文等其他字符 2 个单位）",
  );
  await expect(error(page, "password")).toHaveText("入会密码须为 4–6 位数字");
  await expect(error(page, "start")).toHaveText("开始时间必须晚于现在");
  await expect(page).toHaveURL(/\/meetings\/new$/);
  expect(tampered).toBe(1);
  expect(await createsTitled(request, tag)).toHaveLength(0);
});
