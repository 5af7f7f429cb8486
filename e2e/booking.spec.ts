// Booking a meeting through the form, as a person does, and what WeCom receives.
import { expect } from "@playwright/test";
import {
  ASSISTANT,
  SIM,
  addDepartment,
  createsTitled,
  landedMeetingId,
  pickPerson,
  runTag,
  shanghai,
  signedIn as test,
  simMeetings,
  submitButton,
} from "./fixtures";

interface Seed {
  corps: { corpId: string; paidEdition: boolean }[];
  members: { userid: string; name: string; departmentName: string }[];
}

/** ASCII counts 1, anything else 2 (product.md "The booking form"). */
const units = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) < 128 ? 1 : 2), 0);

test("a meeting booked with every field reaches WeCom exactly as chosen", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000); // some thirty steps through a large form on a 2-core machine
  const seed = (await (await request.get(`${SIM}/__sim/seed`)).json()) as Seed;
  // Hosts need WeCom's paid edition: the demo corp has none, so the field stays empty.
  expect(seed.corps[0]!.paidEdition).toBe(false);
  const uid = (name: string) => seed.members.find((m) => m.name === name)!.userid;
  // A department is added in name order (the picker lists it so).
  const rd = seed.members
    .filter((m) => m.departmentName === "研发部")
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const tag = runTag();
  const title = `季度复盘 Q4 review ${tag}`;
  const description = "回顾本季度目标完成情况，确定 Q1 计划";
  const location = "总部 5F 大会议室";
  const start = shanghai(10, 10, 0);
  const until = shanghai(10 + 56, 10, 0); // every two weeks: days 0, 14, 28, 42, 56

  await page.goto("/meetings/new");
  await expect(page.getByRole("heading", { level: 1, name: "预约会议" })).toBeVisible();

  await page.getByLabel("企业微信应用").selectOption({ label: ASSISTANT });
  await pickPerson(page, "会议管理员", "张伟");
  await expect(page.getByRole("combobox", { name: "会议管理员" })).toContainText("张伟");

  await page.getByLabel("会议标题").fill(title);
  await expect(page.locator("#title-description")).toHaveText(
    `${units(title)}/40 单位（英文 1，中文 2）`,
  );
  await page.getByLabel("会议开始时间").fill(start.wall);
  await page.getByRole("button", { name: "2 小时" }).click();
  await expect(page.getByLabel("会议时长（分钟）")).toHaveValue("120");
  await page.getByLabel("会议描述").fill(description);
  await expect(page.locator("#description-description")).toHaveText(
    `${Buffer.byteLength(description)}/500 字节`,
  );
  await page.getByLabel("会议地点").fill(location);
  await expect(page.locator("#location-description")).toHaveText(
    `${[...location].length}/128 字符`,
  );

  // Invitees: one person, then whole departments, with who was left out and why.
  await pickPerson(page, "参会人员", "徐晴");
  await page.keyboard.press("Escape");
  const hr = await addDepartment(page, "行政人事部");
  await expect(hr).toContainText("已从“行政人事部”添加 0 人。");
  await expect(hr).toContainText("未添加 5 人");
  for (const m of seed.members.filter((x) => x.departmentName === "行政人事部"))
    await expect(hr).toContainText(`${m.name}（不在应用的可见范围内）`);
  const dev = await addDepartment(page, "研发部");
  await expect(dev).toContainText("已从“研发部”添加 10 人。");
  await expect(dev).toContainText("未添加 1 人：新同事甲（未关联企业微信账号）");
  await expect(page.getByRole("combobox", { name: "参会人员" })).toContainText("已选 11 人");

  // Settings.
  await page.getByLabel("入会密码").fill("2580");
  await page.getByRole("switch", { name: "开启等候室" }).click();
  await page.getByRole("switch", { name: "允许成员在主持人进会前加入" }).click();
  await expect(page.getByRole("combobox", { name: "指定响铃成员" })).toHaveCount(0);
  await page.getByLabel("会议提醒方式").selectOption({ label: "提醒指定成员" });
  await pickPerson(page, "指定响铃成员", "李华");
  await page.keyboard.press("Escape");
  await page.getByLabel("成员入会时静音").selectOption({ label: "开启" });
  await page.getByRole("switch", { name: /^所有成员可入会/ }).click();
  await page.getByRole("switch", { name: "开启屏幕水印" }).click();

  // A series every two weeks with an end date, and two reminders.
  await page.getByRole("switch", { name: "周期性会议" }).click();
  await page.getByLabel("周期重复类型").selectOption({ label: "每两周" });
  await page.getByLabel("重复结束时间").fill(until.date);
  await expect(page.locator("#repeatUntil-description")).toHaveText("共 5 次（上限 50 次）");
  await expect(page.getByTestId("occurrence-preview").getByRole("listitem")).toHaveCount(5);
  await page.getByLabel("15 分钟前").check();
  await page.getByLabel("1 天前").check();

  await submitButton(page).click();
  const id = await landedMeetingId(page);
  await expect(page.getByText("会议已预约")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // What the simulator received: field names, Unix seconds, seconds, WeCom's enums.
  const creates = await createsTitled(request, tag);
  expect(creates).toHaveLength(1);
  expect(creates[0]!.errcode).toBe(0);
  expect(creates[0]!.body).toEqual({
    admin_userid: "zhangwei",
    title,
    meeting_start: start.unix,
    meeting_duration: 7200,
    description,
    location,
    invitees: { userid: [uid("徐晴"), ...rd.map((m) => m.userid)] },
    settings: {
      password: "***", // the request log masks it; the stored meeting has it
      enable_waiting_room: true,
      allow_enter_before_host: false,
      remind_scope: 4,
      enable_enter_mute: 1,
      allow_external_user: false,
      enable_screen_watermark: true,
      ring_users: { userid: ["lihua"] },
    },
    reminders: {
      is_repeat: 1,
      repeat_type: 1,
      repeat_interval: 2,
      repeat_until: until.unix,
      remind_before: [900, 86400],
    },
  });
  const meetingid = (creates[0]!.response as { meetingid: string }).meetingid;
  const held = (await simMeetings(request)).filter((m) => m.title === title);
  expect(held).toHaveLength(1);
  expect(held[0]).toMatchObject({
    meetingid,
    settings: { password: "2580", hosts: [], ring_users: ["lihua"] },
  });

  // The page shows what WeCom gave back.
  const facts = page.getByTestId("wecom-facts");
  await expect(facts).toContainText(meetingid);
  const code = held[0]!.meeting_code.replace(/(\d{3})(?=\d)/g, "$1 ");
  await expect(facts).toContainText(code);
  await expect(facts.getByRole("link", { name: held[0]!.meeting_link })).toBeVisible();

  // Something to hand to colleagues: the owner may manage it, so the password is in it.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "复制邀请" }).click();
  await expect(page.getByText("邀请已复制，可粘贴给同事")).toBeVisible();
  const invitation = await page.evaluate(() => navigator.clipboard.readText());
  expect(invitation.split("\n")).toEqual([
    "邀请你参加企业微信会议",
    `会议主题：${title}`,
    expect.stringMatching(
      /^会议时间：2026年12月\d+日星期.+–.+（Asia\/Shanghai）（周期性会议，此为首次）$/,
    ),
    `会议号：${code}`,
    `入会链接：${held[0]!.meeting_link}`,
    "会议密码：2580",
  ]);

  // It is listed (found by its title: the list holds every spec's meetings), and the admin
  // sees it in the WeCom client.
  await page.goto(`/meetings?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", `/meetings/${id}`);
  const client = await (await request.get(`${SIM}/__sim/members/zhangwei`)).text();
  expect(client).toContain(title);
});

test("the people picker says it is searching until the answer, and 没有匹配 only after it", async ({
  page,
}) => {
  await page.goto("/meetings/new");
  await page.getByLabel("企业微信应用").selectOption({ label: ASSISTANT });
  // Every server action answers 1.5 s late from here (the search is one), so the wait shows.
  await page.route("**/meetings/new", async (route) => {
    if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByRole("combobox", { name: "会议管理员" }).click();
  await page.getByPlaceholder("搜索姓名、工号或部门").fill(`无此人${runTag()}`);
  const searching = page.getByText("正在搜索…");
  const noMatch = page.getByText("没有匹配的已关联账号");
  await expect(searching).toBeVisible();
  await expect(noMatch).toHaveCount(0);
  await expect(noMatch).toBeVisible({ timeout: 15_000 });
  await expect(searching).toHaveCount(0);
});

test("the form books in English too", async ({ page, request }) => {
  const tag = runTag();
  const title = `Weekly sync ${tag}`;
  const start = shanghai(12, 15, 30);
  await page.goto("/meetings");
  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  try {
    await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
    await page.getByRole("link", { name: "Book a meeting" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Book a meeting" })).toBeVisible();
    await page.getByLabel("WeCom app").selectOption({ label: ASSISTANT });
    await pickPerson(page, "Meeting admin", "王芳");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await expect(page.locator("#title-description")).toHaveText(
      `${title.length}/40 units (ASCII 1, others 2)`,
    );
    await page.getByLabel("Start", { exact: true }).fill(start.wall);
    await submitButton(page).click();
    await landedMeetingId(page);
    await expect(page.getByText("Meeting booked")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId("wecom-facts")).toContainText("Meeting ID (meetingid)");

    // Untouched fields are sent as WeCom's own defaults; nothing else is sent.
    const creates = await createsTitled(request, tag);
    expect(creates).toHaveLength(1);
    expect(creates[0]!.body).toEqual({
      admin_userid: "wangfang",
      title,
      meeting_start: start.unix,
      meeting_duration: 3600,
      settings: {
        enable_waiting_room: false,
        allow_enter_before_host: true,
        remind_scope: 2,
        enable_enter_mute: 2,
        allow_external_user: true,
        enable_screen_watermark: false,
      },
      reminders: { is_repeat: 0, remind_before: [] },
    });
  } finally {
    // Leave the demo account in Chinese for the other specs.
    await page.getByRole("button", { name: "User menu" }).click();
    await page.getByRole("menuitemradio", { name: "简体中文" }).click();
    await expect(page.getByRole("button", { name: "用户菜单" })).toBeVisible();
  }
});

test("the three reminders sit under 会议提醒, each with a line saying what it does, for a one-off too", async ({
  page,
}) => {
  await page.goto("/meetings/new");
  await page.getByLabel("企业微信应用").selectOption({ label: ASSISTANT });
  // A one-off meeting (周期性会议 off): WeCom's reminders before start apply to it as well.
  await expect(page.getByRole("switch", { name: "周期性会议" })).not.toBeChecked();

  const reminders = page.getByRole("group", { name: "会议提醒" });
  const scope = reminders.getByLabel("会议提醒方式");
  await expect(scope).toHaveAccessibleDescription("会议开始时，企业微信以来电响铃提醒这些人入会。");
  await scope.selectOption({ label: "提醒指定成员" });
  await expect(
    reminders.getByRole("combobox", { name: "指定响铃成员" }),
  ).toHaveAccessibleDescription(/会议开始时只给这些人响铃/);
  const before = reminders.getByRole("group", { name: "会议开始前提醒" });
  await expect(before).toHaveAccessibleDescription(/在会议开始前的所选时间，企业微信发出会议提醒/);
  await expect(before.getByRole("checkbox")).toHaveCount(5);
  // A series keeps them in the same place: none is added under 周期.
  await page.getByRole("switch", { name: "周期性会议" }).click();
  await expect(page.getByLabel("周期重复类型")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "15 分钟前" })).toHaveCount(1);
  await expect(before.getByRole("checkbox", { name: "15 分钟前" })).toBeVisible();
});

test("the people picker's list is as wide as its field", async ({ page }) => {
  await page.goto("/meetings/new");
  await page.getByLabel("企业微信应用").selectOption({ label: ASSISTANT });
  for (const name of ["参会人员", "会议管理员"]) {
    const field = page.getByRole("combobox", { name });
    await field.click();
    const list = page.locator("[data-slot=popover-content]");
    await expect(list).toBeVisible();
    const [f, l] = [(await field.boundingBox())!, (await list.boundingBox())!];
    expect(Math.abs(l.width - f.width), name).toBeLessThanOrEqual(2);
    expect(Math.abs(l.x - f.x), name).toBeLessThanOrEqual(2);
    await page.keyboard.press("Escape");
    await expect(list).toHaveCount(0);
  }
});

test("ring members: the invitees are offered first, and each mouse pick keeps the list open", async ({
  page,
}) => {
  await page.goto("/meetings/new");
  await page.getByLabel("企业微信应用").selectOption({ label: ASSISTANT });
  for (const name of ["徐晴", "李华", "王芳"]) await pickPerson(page, "参会人员", name);
  await page.keyboard.press("Escape");

  await page.getByLabel("会议提醒方式").selectOption({ label: "提醒指定成员" });
  const reminders = page.getByRole("group", { name: "会议提醒" });
  await expect(reminders.getByLabel("会议提醒方式")).toBeVisible();
  const ring = reminders.getByRole("combobox", { name: "指定响铃成员" });
  await ring.click();
  // Before any search, the people invited come first.
  const options = page.locator("[cmdk-list]").getByRole("option");
  const invited = page.getByRole("group", { name: "已邀请的成员" }).getByRole("option");
  await expect(invited).toHaveText([/^徐晴/, /^李华/, /^王芳/]);
  await expect(options.first()).toHaveText(/^徐晴/);

  // Each pick with the mouse leaves the list open for the next.
  for (const name of ["徐晴", "李华", "王芳"]) {
    await invited.filter({ hasText: new RegExp(`^${name}`) }).click();
    await expect(ring).toHaveAttribute("aria-expanded", "true");
    await expect(invited.filter({ hasText: new RegExp(`^✓ ${name}`) })).toHaveCount(1);
  }
  // Someone not invited, found by a search: the list stays open for more still.
  await pickPerson(page, "指定响铃成员", "张伟");
  await expect(ring).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(ring).toContainText("已选 4 人");
  const chosen = page
    .locator("#ringIds")
    .locator("xpath=..")
    .getByRole("list", { name: "已选 4 人" });
  await expect(chosen.getByRole("listitem")).toHaveText(["徐晴", "李华", "王芳", "张伟"]);
  await expect(page.locator("#ringIds-description")).toContainText("会议开始时只给这些人响铃");
});

test("leaving a half-filled booking form asks first; staying keeps what was typed", async ({
  page,
}) => {
  const title = `未提交 ${runTag()}`;
  await page.goto("/meetings");
  await page.getByRole("link", { name: "预约会议" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "预约会议" })).toBeVisible();
  await page.getByLabel("企业微信应用").selectOption({ label: ASSISTANT });
  await page.getByLabel("会议标题").fill(title);

  // A link in the navigation: asked, and staying keeps the form as it was.
  const nav = page.getByRole("navigation", { name: "主导航" });
  await nav.getByRole("link", { name: "日历" }).click();
  const ask = page.getByRole("alertdialog", { name: "离开预约表单？" });
  await expect(ask).toContainText("作为草稿保留在此标签页");
  await ask.getByRole("button", { name: "继续填写" }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(/\/meetings\/new$/);
  await expect(page.getByLabel("会议标题")).toHaveValue(title);

  // The browser's Back: asked too, and the page stays.
  await page.evaluate(() => window.history.back());
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "继续填写" }).click();
  await expect(page).toHaveURL(/\/meetings\/new$/);
  await expect(page.getByLabel("会议标题")).toHaveValue(title);

  // Leaving keeps the draft: coming back finds what was typed.
  await nav.getByRole("link", { name: "日历" }).click();
  await ask.getByRole("button", { name: "离开，保留草稿" }).click();
  await expect(page).toHaveURL(/\/meetings\/calendar/);
  await page.goBack();
  await expect(page).toHaveURL(/\/meetings\/new$/);
  await expect(page.getByLabel("会议标题")).toHaveValue(title);

  // A form nobody typed in is left without a question.
  await page.getByRole("button", { name: "清空表单" }).click();
  await nav.getByRole("link", { name: "日历" }).click();
  await expect(page).toHaveURL(/\/meetings\/calendar/);
  await expect(ask).toHaveCount(0);
});
