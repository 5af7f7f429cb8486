// The meetings list page's server time (not a test): signs in once through Chromium,
// then requests the page over HTTP, one request at a time, and times each response from
// the request to its last byte (the whole streamed render, on localhost: server time).
// Two views, as issue 7 asks: the first page under a status and date filter, and the
// last page with no filter. Prints p50/p95 over BENCH_RUNS (default 30) after a warm-up.
//
// Needs a production MeetBridge (`next start`) whose database holds the seeded meetings:
// `npm run bench` starts one on SQLite and one on PostgreSQL with 100,000 meetings each.
// By hand: BENCH_BASE_URL=http://127.0.0.1:3201 npx tsx scripts/bench/meeting-list-page.ts
import { chromium } from "@playwright/test";
import { summary } from "./stats.ts";

const baseUrl = (process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const label = process.env.BENCH_LABEL ?? baseUrl;

async function signedInCookie(): Promise<string> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel(/邮箱或用户名|Email or username/).fill("demo@meetbridge.local");
    await page.getByLabel(/^(密码|Password)$/).fill("meetbridge-demo");
    await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
    await page.waitForURL(/\/meetings$/, { timeout: 30_000 });
    const cookies = await page.context().cookies();
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

async function timeOnce(path: string, cookie: string): Promise<{ ms: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  return { ms, body };
}

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const cases: Record<string, string> = {
  "first page, status + date filter": `/meetings?status=ended&from=${day(-30)}&to=${day(0)}`,
  "first page, no filter (upcoming first)": "/meetings",
  "last page, no filter": "/meetings?page=1000000",
};

const cookie = await signedInCookie();
console.log(`list page server time, ${label}`);
for (const [name, path] of Object.entries(cases)) {
  const warm = await timeOnce(path, cookie);
  // The page names its total ("共 N 个会议"): show it, so the figure is read against the
  // size of the list it came from.
  const total = /共\s*([\d,]+)\s*个会议/.exec(warm.body);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timeOnce(path, cookie)).ms);
  const s = summary(times);
  console.log(
    `  ${name}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n=${s.n}${
      total ? `, list total ${total[1]}` : ""
    })  ${path}`,
  );
}
