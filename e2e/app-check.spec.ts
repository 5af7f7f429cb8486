import { expect } from "@playwright/test";
import { test, signIn } from "./fixtures";

const SIM = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 3199}`;

test("an admin checks the apps against WeCom and reads the redacted call log", async ({
  page,
  request,
}) => {
  const seed = (await (await request.get(`${SIM}/__sim/seed`)).json()) as {
    apps: {
      agentId: number;
      secret?: string;
      suiteSecret?: string;
      suiteTicket?: string;
      permanentCode?: string;
    }[];
  };
  await signIn(page);
  await page.goto("/settings/apps");

  const granted = page.getByTestId("app-row-1000002");
  await granted.getByRole("button", { name: /检查/ }).click();
  await expect(granted.getByText("已授权会议权限")).toBeVisible();
  await expect(granted.getByText("4 个部门")).toBeVisible();

  const denied = page.getByTestId("app-row-1000003");
  await denied.getByRole("button", { name: /检查/ }).click();
  await expect(denied.getByText("无会议权限")).toBeVisible();
  await expect(denied.getByTestId("app-check-error")).toContainText("会议");
  // The stored failure is data: an English reader gets it in English.
  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(denied.getByTestId("app-check-error")).toContainText(/meeting API permission/i);
  await expect(denied.getByTestId("app-check-error")).not.toContainText("会议");
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitemradio", { name: "简体中文" }).click();
  await expect(denied.getByTestId("app-check-error")).toContainText("会议");

  const thirdParty = page.getByTestId("app-row-1000004");
  await thirdParty.getByRole("button", { name: /检查/ }).click();
  await expect(thirdParty.getByText("已授权会议权限")).toBeVisible();

  // The checks also probe every mapped member (user/get): the filter finds each call.
  const log = page.getByTestId("call-log");
  for (const operation of ["meeting/get_user_meetingid", "agent/get", "service/get_corp_token"]) {
    await page.goto(`/logs?operation=${encodeURIComponent(operation)}`);
    await expect(log.getByText(operation).first()).toBeVisible();
  }
  await page.goto("/logs?operation=gettoken");
  await log.locator("summary", { hasText: "gettoken" }).first().click();
  await expect(log.getByText(/corpsecret=(\*|%2A|\[REDACTED\])/i).first()).toBeVisible();

  // No secret of any app, nor any token the simulator handed out, is on the page.
  const html = await page.content();
  for (const app of seed.apps) {
    for (const secret of [app.secret, app.suiteSecret, app.suiteTicket, app.permanentCode]) {
      if (secret) expect(html).not.toContain(secret);
    }
  }
  // Nor the access token the app is using right now (gettoken answers the same token while it is valid).
  const app = (await (await request.get(`${SIM}/__sim/seed`)).json()) as {
    apps: { agentId: number; corpId: string; secret?: string }[];
  };
  const assistant = app.apps.find((a) => a.agentId === 1000002)!;
  const token = (await (
    await request.get(
      `${SIM}/cgi-bin/gettoken?corpid=${assistant.corpId}&corpsecret=${assistant.secret}`,
    )
  ).json()) as { access_token: string };
  expect(token.access_token.length).toBeGreaterThan(8);
  expect(html).not.toContain(token.access_token);
});
