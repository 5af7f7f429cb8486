// A third-party app books on its own calendar (api doc: "第三方应用必须指定cal_id"): the
// demo's 会议通 books a meeting end to end, WeCom gets the app's cal_id, and the member
// sees the meeting on their page in the simulator.
import { expect } from "@playwright/test";
import {
  SIM,
  createsTitled,
  landedMeetingId,
  pickPerson,
  runTag,
  shanghai,
  signedIn as test,
  submitButton,
} from "./fixtures";

const THIRD_PARTY = "示例科技有限公司 / 会议通（第三方应用）";

test("booking through 会议通 lands on its calendar and on the member's page", async ({
  page,
  request,
}) => {
  const title = `会议通预约 ${runTag()}`;
  const start = shanghai(12, 15, 30);

  await page.goto("/meetings/new");
  await page.getByLabel("企业微信应用").selectOption({ label: THIRD_PARTY });
  await pickPerson(page, "会议管理员", "张伟");
  await page.getByLabel("会议标题").fill(title);
  await page.getByLabel("会议开始时间").fill(start.wall);
  await submitButton(page).click();
  await landedMeetingId(page);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The code and link came with meeting/create's answer.
  await expect(page.getByTestId("wecom-facts")).toContainText(/\d{3} ?\d{3} ?\d{3}/);

  const creates = await createsTitled(request, title);
  expect(creates).toHaveLength(1);
  expect(creates[0]!.errcode).toBe(0);
  const calId = (creates[0]!.body as { cal_id?: string }).cal_id;
  expect(calId).toBeTruthy();
  const calendars = (await (await request.get(`${SIM}/__sim/calendars`)).json()) as {
    cal_id: string;
    appKey: string;
    summary: string;
  }[];
  expect(calendars.find((c) => c.cal_id === calId)).toMatchObject({
    appKey: "third-party",
    summary: "会议（MeetBridge）",
  });

  await page.goto(`${SIM}/__sim/members/zhangwei`);
  await expect(
    page.getByRole("heading", { level: 1, name: /张伟（zhangwei）的会议/ }),
  ).toBeVisible();
  await expect(page.getByText(title)).toBeVisible();
});
