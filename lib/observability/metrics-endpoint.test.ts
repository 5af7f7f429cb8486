// The scrape endpoint: absent without a token configured, refused without the right
// bearer token, and in Prometheus text with every metric the README lists when allowed.
import { expect, it } from "vitest";
import { bearerMatches, metricsResponse } from "./metrics-endpoint";

const TOKEN = "scrape-token-0123456789";
const scrape = (authorization?: string, token: string | null = TOKEN) =>
  metricsResponse(
    new Request("http://x/api/metrics", {
      headers: authorization ? { authorization } : {},
    }),
    { token: token ?? undefined },
  );

it("does not exist when no token is configured", async () => {
  expect((await scrape(`Bearer ${TOKEN}`, null)).status).toBe(404);
});

it("refuses a scrape without the token or with a wrong one", async () => {
  expect((await scrape()).status).toBe(401);
  expect((await scrape("Bearer nope")).status).toBe(401);
  expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
  expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
  expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
});

it("answers the token with every metric in Prometheus text", async () => {
  const res = await scrape(`Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const text = await res.text();
  for (const name of [
    "meetbridge_wecom_call_duration_seconds",
    "meetbridge_bookings_total",
    "meetbridge_meetings_awaiting_reconciliation",
    "meetbridge_callback_events_total",
    "meetbridge_callback_processing_delay_seconds",
    "meetbridge_job_last_success_timestamp_seconds",
    "meetbridge_job_duration_seconds",
    "meetbridge_http_requests_total",
    "meetbridge_http_request_duration_seconds",
    "process_cpu_seconds_total",
    "nodejs_eventloop_lag_seconds",
  ])
    expect(text).toContain(`# TYPE ${name} `);
});
