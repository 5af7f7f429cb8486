// Issue 15's ways in, tried in the browser and over HTTP as an attacker would:
// an admin (not the owner) points 会议助手 at a server of theirs without re-entering the
// secret, and an OA flow sends the API text, unknown fields, wrong types and 2 MB.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "@playwright/test";
import { readApiKeys } from "./api-keys";
import { SIM, signIn, test } from "./fixtures";

const BASE = `http://127.0.0.1:${process.env.E2E_APP_PORT ?? 3101}`;
const ADMIN = { email: "admin@meetbridge.local", password: "meetbridge-demo" };

let listener: Server;
let hits: string[] = [];
let attackerBase = "";

test.beforeAll(async () => {
  listener = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end(JSON.stringify({ errcode: 0, access_token: "stolen", expires_in: 7200 }));
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  attackerBase = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/cgi-bin/`;
});
test.afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
});

test("an admin cannot send 会议助手's secret to another address", async ({ page }) => {
  hits = [];
  await signIn(page, ADMIN);
  await page.goto("/settings/apps");
  await page.getByRole("button", { name: "编辑应用「会议助手」" }).click();
  const dialog = page.getByTestId("app-dialog");
  const baseUrl = dialog.getByLabel("接口地址");
  await expect(baseUrl).toHaveValue(`${SIM}/cgi-bin/`);
  await expect(dialog.getByLabel("应用 Secret")).toHaveValue("");

  // A server of the admin's: not on the allow-list, refused at the field.
  await baseUrl.fill(attackerBase);
  await dialog.getByRole("button", { name: "保存并检查" }).click();
  await expect(dialog.locator("#app-baseUrl-error")).toContainText(
    "接口地址须为企业微信官方地址 https://qyapi.weixin.qq.com/cgi-bin/，或运维在 MEETBRIDGE_WECOM_BASE_URLS 中列出的地址",
  );

  // Even an address on the list takes the secret again: the stored one stays where it was.
  await baseUrl.fill("https://qyapi.weixin.qq.com/cgi-bin/");
  await dialog.getByRole("button", { name: "保存并检查" }).click();
  await expect(dialog.locator("#app-baseUrl-error")).toHaveText(
    "更改接口地址时，须在同一次保存中重新填写本应用的全部密钥",
  );
  await expect(dialog.locator("#app-secret-error")).toHaveText("请重新填写此项");
  await dialog.getByRole("button", { name: "取消" }).first().click();

  await page.reload();
  await expect(page.getByText(`${SIM}/cgi-bin/`).first()).toBeVisible();
  expect(hits).toEqual([]);
});

test("an admin cannot move the corp to another CorpID without each app's secrets", async ({
  page,
  request,
}) => {
  const seed = (await (await request.get(`${SIM}/__sim/seed`)).json()) as {
    corps: { corpId: string; name: string }[];
  };
  const corp = seed.corps[0]!;
  await signIn(page, ADMIN);
  await page.goto("/settings/apps");
  await page.getByRole("button", { name: `编辑企业「${corp.name}」` }).click();
  const dialog = page.getByTestId("corp-dialog");
  const secrets = dialog.getByTestId("corp-app-secrets");
  await expect(secrets).toBeHidden();
  await dialog.getByLabel("企业 ID（CorpID）").fill("wwelsewhere000001");
  await expect(secrets).toBeVisible();
  await expect(secrets.getByLabel("会议助手 · 应用 Secret")).toHaveValue("");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.locator("#corp-corpId-error")).toHaveText(
    "更改 CorpID 时，须在同一次保存中重新填写该企业下每个应用的全部密钥",
  );
  await expect(secrets.getByText("请重新填写此项").first()).toBeVisible();
  await dialog.getByRole("button", { name: "取消" }).first().click();
  await page.reload();
  await expect(page.getByTestId(`corp-${corp.corpId}`)).toBeVisible();
});

test("the API answers text, unknown fields, wrong types and 2 MB with problem documents", async ({
  request,
}) => {
  const headers = { authorization: `Bearer ${readApiKeys().admin}` };
  const post = (data: string | Buffer, contentType?: string) =>
    request.post(`${BASE}/api/v1/meetings`, {
      headers: { ...headers, ...(contentType ? { "content-type": contentType } : {}) },
      data,
    });
  const problem = async (res: Awaited<ReturnType<typeof post>>, status: number) => {
    expect(res.status()).toBe(status);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    return (await res.json()) as { type: string; errors?: { pointer: string; detail: string }[] };
  };
  const at = (doc: { errors?: { pointer: string; detail: string }[] }, pointer: string) =>
    doc.errors?.find((e) => e.pointer === pointer)?.detail;

  const text = await problem(await post('{"title":"x"}', "text/plain"), 415);
  expect(text.type).toContain("unsupported-media-type");

  const body = { appId: "x", title: "周会", start: "2026-12-01T10:00" };
  const unknown = await problem(
    await post(JSON.stringify({ ...body, durationMinutes: 90 }), "application/json"),
    422,
  );
  expect(at(unknown, "/durationMinutes")).toBe("没有这个字段，请删除它");

  const wrong = await problem(
    await post(JSON.stringify({ ...body, durationMin: 30.5, inviteeIds: {} }), "application/json"),
    422,
  );
  expect(at(wrong, "/durationMin")).toBe("时长须为整数分钟");
  expect(at(wrong, "/inviteeIds")).toBe("值无效");

  const huge = JSON.stringify({ ...body, description: "x".repeat(2 * 1024 * 1024) });
  const tooBig = await problem(await post(huge, "application/json"), 413);
  expect(tooBig.type).toContain("payload-too-large");
});
