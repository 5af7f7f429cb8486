// The HTTP API as an OA flow uses it: a client typed from the served openapi.json
// (lib/api/client/schema.d.ts, openapi-fetch) books, updates by WeCom meetingid with
// If-Match, and cancels with an Idempotency-Key against the running app and simulator;
// the simulator (WeCom's side, and a member's client page) shows each step. Admins read
// the reference at /api/v1/docs.
import { expect } from "@playwright/test";
import createClient from "openapi-fetch";
import type { paths } from "../lib/api/client/schema";
import { readApiKeys } from "./api-keys";
import { runTag, shanghai, signedIn, SIM, simMeetings, test } from "./fixtures";

const BASE = `http://127.0.0.1:${process.env.E2E_APP_PORT ?? 3101}`;

test("a flow books, updates by WeCom meetingid and cancels through the typed client", async ({
  request,
}) => {
  const api = createClient<paths>({
    baseUrl: BASE,
    headers: { authorization: `Bearer ${readApiKeys().admin}` },
  });
  const memberPage = async (userid: string) =>
    (await request.get(`${SIM}/__sim/members/${userid}`)).text();

  // What the flow needs to fill the request: a bookable app, people by job number.
  const apps = await api.GET("/api/v1/apps");
  const app = apps.data!.items.find((a) => a.bookable && a.name === "会议助手");
  expect(app).toBeTruthy();
  const people = await api.GET("/api/v1/accounts", { params: { query: { q: "王芳" } } });
  const wangfang = people.data!.items[0]!;
  expect(wangfang.jobNumber).toBeTruthy();
  const zhangwei = (await api.GET("/api/v1/accounts", { params: { query: { q: "zhangwei" } } }))
    .data!.items[0]!;

  const tag = runTag();
  const title = `OA 流程周会 ${tag}`;
  const start = shanghai(4, 10);
  const booked = await api.POST("/api/v1/meetings", {
    params: { header: { "idempotency-key": `e2e-book-${tag}` } },
    body: {
      appId: app!.id,
      adminJobNumber: wangfang.jobNumber!,
      title,
      start: start.wall,
      durationMin: 60,
      inviteeJobNumbers: [zhangwei.jobNumber!],
    },
  });
  expect(booked.response.status, JSON.stringify(booked.error)).toBe(201);
  const meeting = booked.data!;
  expect(meeting.wecomMeetingId).toBeTruthy();
  expect(meeting.meetingCode).toBeTruthy();
  let held = (await simMeetings(request)).find((m) => m.meetingid === meeting.wecomMeetingId);
  expect(held).toMatchObject({ title, meeting_start: start.unix, meeting_duration: 3600 });
  expect(await memberPage("zhangwei")).toContain(title);

  // The flow kept only WeCom's meetingid: it updates by it, with the version it read.
  const ref = `wecom:${meeting.wecomMeetingId}`;
  const read = await api.GET("/api/v1/meetings/{id}", { params: { path: { id: ref } } });
  const etag = read.response.headers.get("etag")!;
  expect(etag).toBe(`"${meeting.version}"`);
  const later = shanghai(4, 15, 30);
  const updated = await api.PATCH("/api/v1/meetings/{id}", {
    params: { path: { id: ref }, header: { "if-match": etag } },
    body: { title: `${title} 改期`, start: later.wall, durationMin: 90 },
  });
  expect(updated.response.status, JSON.stringify(updated.error)).toBe(200);
  expect(updated.data).toMatchObject({ title: `${title} 改期`, version: meeting.version + 1 });
  held = (await simMeetings(request)).find((m) => m.meetingid === meeting.wecomMeetingId);
  expect(held).toMatchObject({
    title: `${title} 改期`,
    meeting_start: later.unix,
    meeting_duration: 5400,
  });
  expect(await memberPage("zhangwei")).toContain(`${title} 改期`);

  // A stale version is refused, with a problem document, and WeCom is not called.
  const stale = await api.PATCH("/api/v1/meetings/{id}", {
    params: { path: { id: ref }, header: { "if-match": etag } },
    body: { title: "过期的修改" },
  });
  expect(stale.response.status).toBe(412);
  expect(stale.response.headers.get("content-type")).toContain("application/problem+json");
  expect(stale.error).toMatchObject({
    type: "https://meetbridge.dev/problems/precondition-failed",
  });

  // Cancelled, once, however often the flow retries.
  const cancel = () =>
    api.POST("/api/v1/meetings/{id}/cancel", {
      params: { path: { id: ref }, header: { "idempotency-key": `e2e-cancel-${tag}` } },
      body: { reason: "审批撤回" },
    });
  const first = await cancel();
  expect(first.response.status, JSON.stringify(first.error)).toBe(200);
  expect(first.data!.status).toBe("cancelled");
  const retry = await cancel();
  expect(retry.response.status).toBe(200);
  expect(retry.response.headers.get("idempotent-replayed")).toBe("true");
  held = (await simMeetings(request)).find((m) => m.meetingid === meeting.wecomMeetingId);
  expect(held?.cancelled).toBe(true);
  const client = await memberPage("zhangwei");
  const cancelledSection = client.slice(client.indexOf("已取消（"));
  expect(cancelledSection).toContain(`${title} 改期`);
});

signedIn(
  "the key's row shows its last use; its history keeps to creations and revocations",
  async ({ page, request }) => {
    const res = await request.get(`${BASE}/api/v1/apps`, {
      headers: { authorization: `Bearer ${readApiKeys().admin}` },
    });
    expect(res.status()).toBe(200);
    await page.goto("/settings/api");
    const row = page.getByRole("row", { name: /e2e OA 流程/ });
    await expect(row).not.toContainText("从未使用");
    // Every call is an audit event (api.call), but not a line of the keys' history.
    await expect(page.getByText("api.call")).toHaveCount(0);
  },
);

test("the API refuses without a key, in the caller's language", async ({ request }) => {
  const res = await request.get(`${BASE}/api/v1/meetings`, {
    headers: { "accept-language": "en" },
  });
  expect(res.status()).toBe(401);
  expect(res.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect(await res.json()).toMatchObject({ title: "Unauthorized", status: 401 });
});

signedIn("an admin reads the API reference at /api/v1/docs", async ({ page }) => {
  await page.goto("/api/v1/docs");
  await expect(page.getByRole("heading", { name: /MeetBridge API/ })).toBeVisible();
  await expect(
    page.locator(".opblock-summary-path", { hasText: "/api/v1/meetings/{id}/cancel" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /Authorize/ })).toBeVisible();
});

test("the reference is for signed-in people: anonymous visitors are sent to sign in", async ({
  page,
}) => {
  await page.goto("/api/v1/docs");
  await expect(page).toHaveURL(/\/login/);
});
