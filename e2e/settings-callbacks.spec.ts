// An admin sets up WeCom's event callback of an app on /settings/apps: copies the callback
// URL, saves a Token and an EncodingAESKey (write-only from then on), and sees the first
// callback WeCom sends arrive verified. "WeCom" here is the test, sealing the request with
// the keys it typed in, as WeCom would with the keys pasted into its console.
import { expect } from "@playwright/test";
import { sealCallback } from "../lib/wecom/callback-crypto.ts";
import { SIM_CORP_ID } from "../lib/wecom/simulator/seed-data.ts";
import { signedIn as test } from "./fixtures";

const APP = "会议预约（代开发）";

function randomOf(alphabet: string, n: number) {
  return Array.from(
    { length: n },
    () => alphabet[Math.floor(Math.random() * alphabet.length)],
  ).join("");
}
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

test("an admin saves callback keys, and the first callback shows as verified", async ({ page }) => {
  const keys = { token: randomOf(ALNUM, 32), encodingAesKey: randomOf(`${ALNUM}+/`, 43) };
  await page.goto("/settings/apps");

  const card = page.getByTestId(/^callback-/).filter({ hasText: APP });
  const url = (await card.getByTestId("callback-url").textContent())!;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/wecom\/callback\/[\w-]+$/);
  // A third-party app also has its suite's instruction callback.
  await expect(
    page
      .getByTestId(/^callback-/)
      .filter({ hasText: "会议通（第三方应用）" })
      .getByTestId("suite-callback-url"),
  ).toContainText("/api/wecom/suite/");

  await page.getByRole("button", { name: `编辑应用「${APP}」` }).click();
  const dialog = page.getByTestId("app-dialog");
  const fields = dialog.getByTestId("callback-fields");
  await expect(fields.getByLabel("回调 URL")).toHaveValue(url);
  // The demo set keys up with the simulator (scripts/demo-ready.ts): these replace them.
  await expect(dialog.getByTestId("app-callbackToken-state")).toContainText("已设置");
  // "生成" fills both with fresh values, shown so that they can be copied.
  await fields.getByRole("button", { name: "生成" }).click();
  await expect(fields.getByLabel("Token")).toHaveValue(/^[A-Za-z0-9]{32}$/);
  await expect(fields.getByLabel("EncodingAESKey")).toHaveValue(/^[A-Za-z0-9+/]{43}$/);
  await expect(fields.getByLabel("Token")).toHaveAttribute("type", "text");
  // A key of the wrong length is refused at its field.
  await fields.getByLabel("EncodingAESKey").fill("short");
  await dialog.getByRole("button", { name: "保存并检查" }).click();
  await expect(dialog.getByText("EncodingAESKey 是 43 个字符")).toBeVisible();

  await fields.getByLabel("Token").fill(keys.token);
  await fields.getByLabel("EncodingAESKey").fill(keys.encodingAesKey);
  await dialog.getByRole("button", { name: "保存并检查" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText("Token 与 EncodingAESKey：已设置")).toBeVisible();
  await expect(card.getByTestId("callback-last")).toHaveText("还没有收到回调");
  await expect(card.getByText(/回调从未验证通过/)).toBeVisible();

  // Write-only: the dialog shows them as set, never their values.
  await page.getByRole("button", { name: `编辑应用「${APP}」` }).click();
  await expect(dialog.getByTestId("app-callbackToken-state")).toContainText("已设置");
  await expect(dialog.getByTestId("app-callbackAesKey-state")).toContainText("已设置");
  await expect(fields.getByLabel("Token")).toHaveValue("");
  expect(await page.content()).not.toContain(keys.encodingAesKey);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // WeCom's console verifies the URL, then an event arrives.
  const verify = sealCallback({ keys, receiverId: SIM_CORP_ID, message: "echo-1234567" });
  const q = new URLSearchParams({ ...verify.query, echostr: verify.ciphertext });
  const echo = await page.request.get(`${url}?${q}`);
  expect(await echo.text()).toBe("echo-1234567");
  const event = sealCallback({
    keys,
    receiverId: SIM_CORP_ID,
    message:
      `<xml><ToUserName><![CDATA[${SIM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[lihua]]></FromUserName>` +
      `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
      `<Event><![CDATA[meeting_change]]></Event><ChangeType><![CDATA[modify_meeting]]></ChangeType>` +
      `<MeetingId><![CDATA[e2e-callback-unknown]]></MeetingId></xml>`,
  });
  const posted = await page.request.post(`${url}?${new URLSearchParams({ ...event.query })}`, {
    data: event.body,
    headers: { "content-type": "text/xml" },
  });
  expect(posted.status()).toBe(200);
  expect(await posted.text()).toBe("success");

  await page.reload();
  await expect(card.getByTestId("callback-last")).toContainText(/最近回调：.*已验证/);
  await expect(card.getByText(/回调从未验证通过/)).toHaveCount(0);

  // A request signed with another Token is refused, and the page says why.
  const forged = sealCallback({
    keys: { ...keys, token: "someoneElsesToken" },
    receiverId: SIM_CORP_ID,
    message: "echo-forged",
  });
  const fq = new URLSearchParams({ ...forged.query, echostr: forged.ciphertext });
  expect((await page.request.get(`${url}?${fq}`)).status()).toBe(403);
  await page.reload();
  await expect(card.getByTestId("callback-last")).toContainText("签名不符");

  // The meeting it reported is unknown to MeetBridge: offered on the adopt page.
  await page.goto("/meetings/adopt");
  await expect(page.getByText("企业微信报告了这些 MeetBridge 未记录的会议")).toBeVisible();
  await expect(page.getByTestId("reported-meetings")).toContainText("e2e-callback-unknown");

  // The callback is in the call log, labelled as one.
  await page.goto(`/logs?operation=${encodeURIComponent("callback.meeting_change")}`);
  await expect(page.getByTestId("call-log").getByText("回调 · HTTP 200").first()).toBeVisible();
});
