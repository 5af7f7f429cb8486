// What an operator's probes and scraper see (issue 19): liveness and readiness without a
// session, the metrics behind their token, and a booking through the form moving the
// booking counter and the WeCom histogram. Every answer carries its request id.
import { expect, type APIRequestContext } from "@playwright/test";
import { METRICS_TOKEN } from "../playwright.config";
import {
  landedMeetingId,
  runTag,
  shanghai,
  signedIn as test,
  startBooking,
  submitButton,
} from "./fixtures";

async function scrape(request: APIRequestContext): Promise<string> {
  const res = await request.get("/api/metrics", {
    // A fresh connection: the server drops keep-alive sockets idle for 5 s, and a reused
    // one can be reset under the request (a race of the client's, not the server's).
    headers: { authorization: `Bearer ${METRICS_TOKEN}`, connection: "close" },
  });
  expect(res.status()).toBe(200);
  return res.text();
}

/** The value of one sample, 0 when absent. */
function sample(text: string, name: string, labels: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.split(" ").pop()) : 0;
}

test("the probes answer without a session, with a request id", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
  });
  const health = await anonymous.get("/api/health", { maxRedirects: 0 });
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const ready = await anonymous.get("/api/ready", {
    maxRedirects: 0,
    headers: { "X-Request-Id": "probe-0001-abcd" },
  });
  expect(ready.status()).toBe(200);
  expect(ready.headers()["x-request-id"]).toBe("probe-0001-abcd");
  expect(await ready.json()).toEqual({
    status: "ok",
    checks: { instance: "ok", database: "ok", migrations: "ok", jobs: "ok" },
  });

  expect((await anonymous.get("/api/metrics", { maxRedirects: 0 })).status()).toBe(401);
  const wrong = await anonymous.get("/api/metrics", {
    headers: { authorization: "Bearer not-the-token-at-all" },
  });
  expect(wrong.status()).toBe(401);
  await anonymous.dispose();
});

test("booking through the form moves the booking counter and the WeCom histogram", async ({
  page,
  request,
}) => {
  const created = 'operation="meeting/create",errcode="0"';
  const before = await scrape(request);
  await startBooking(page, { title: `指标 ${runTag()}`, start: shanghai(9, 11).wall });
  await submitButton(page).click();
  await landedMeetingId(page);

  const after = await scrape(request);
  expect(sample(after, "meetbridge_bookings_total", 'outcome="booked"')).toBe(
    sample(before, "meetbridge_bookings_total", 'outcome="booked"') + 1,
  );
  expect(sample(after, "meetbridge_wecom_call_duration_seconds_count", created)).toBe(
    sample(before, "meetbridge_wecom_call_duration_seconds_count", created) + 1,
  );
  // The form's request is counted under its page's route, by status.
  expect(after).toMatch(
    /meetbridge_http_requests_total\{route="\/meetings\/new",method="POST",status="\d+"\} \d+/,
  );
  expect(after).toContain("meetbridge_meetings_awaiting_reconciliation ");
});

test("the tenant settings show the size of what the retention job trims", async ({ page }) => {
  await page.goto("/settings/tenant");
  const table = page.getByTestId("data-retention");
  await expect(page.getByRole("heading", { name: "数据保留" })).toBeVisible();
  await expect(table.getByTestId("retention-callLog")).toContainText("企业微信调用日志（报文）");
  await expect(table.getByTestId("retention-callLog")).toContainText("90 天");
  // The demo's bookings and checks wrote call log rows already.
  const rows = await table.getByTestId("retention-callLog").getByRole("cell").nth(1).innerText();
  expect(Number(rows.replace(/,/g, ""))).toBeGreaterThan(0);
  await expect(table.getByTestId("retention-apiCallAudit")).toContainText("90 天");
});
