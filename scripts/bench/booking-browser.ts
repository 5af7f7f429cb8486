// Booking as a person does it, timed in Chromium (not a test), with the simulator
// answering every call after BENCH_LATENCY_MS (default 100 ms, WeCom's usual round trip):
// - submit → the action's answer: from the click on 预约会议 (the click event in the page)
//   to the last byte of the server action's response, by the browser's clock, against one
//   bare meeting/create through the WeCom client (goal ≤ 1.3×);
// - submit → the meeting's page shown (the browser lands there; the code and link came
//   with meeting/create's answer, so no get_info is made), from Playwright's click.
// Needs a running MeetBridge and its simulator (scripts/bench/run.sh starts both):
//   BENCH_BASE_URL (default http://127.0.0.1:3201), BENCH_SIM_URL (http://127.0.0.1:3299)
import { chromium, type Page } from "@playwright/test";
import { createWecomClient } from "@/lib/wecom/client.ts";
import { MemoryCallLog } from "@/lib/wecom/store/memory-call-log.ts";
import { MemoryTokenStore } from "@/lib/wecom/store/memory-token-store.ts";
import { credentialsFor } from "@/lib/wecom/testing/sim-harness.ts";
import { SIM_APPS } from "@/lib/wecom/simulator/seed-data.ts";
import { summary } from "./stats.ts";

const base = (process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3201").replace(/\/$/, "");
const simUrl = (process.env.BENCH_SIM_URL ?? "http://127.0.0.1:3299").replace(/\/$/, "");
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 2;

async function setLatency(ms: number) {
  const res = await fetch(`${simUrl}/__sim/latency`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ms }),
  });
  if (!res.ok) throw new Error(`latency control: ${res.status}`);
}

async function bareCreates(): Promise<number[]> {
  const app = SIM_APPS.find((a) => a.key === "meeting-assistant")!;
  const client = createWecomClient(credentialsFor(app, `${simUrl}/cgi-bin/`), {
    tokens: new MemoryTokenStore(),
    callLog: new MemoryCallLog(1000),
    timeoutMs: 10_000,
  });
  await client.getAccessToken();
  const times: number[] = [];
  const start = Math.floor(Date.now() / 1000) + 5 * 86_400;
  for (let i = 0; i < ROUNDS + WARMUP; i++) {
    const t0 = performance.now();
    await client.createMeeting({
      adminUserId: "lihua",
      title: `bare ${i}`,
      meetingStart: start + i * 3600,
      meetingDuration: 1800,
    });
    if (i >= WARMUP) times.push(performance.now() - t0);
  }
  return times;
}

async function signIn(page: Page) {
  await page.goto(`${base}/login`);
  await page.getByLabel(/邮箱或用户名|Email or username/).fill("demo@meetbridge.local");
  await page.getByLabel(/^(密码|Password)$/).fill("meetbridge-demo");
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL(/\/meetings$/);
}

/**
 * Submit → answer as the page itself sees it: from the submit button's click event to the
 * end of the server action's response (its resource timing entry), both by the page's
 * clock. Playwright's click() takes tens of milliseconds before the event fires (scrolling,
 * hit-testing, waiting for stability), which no person waits for.
 */
const answers: { total: number; beforeSend: number }[] = [];

async function watchSubmits(page: Page) {
  await page.exposeBinding(
    "__benchSubmitAnswered",
    (_source, total: number, beforeSend: number) => {
      answers.push({ total, beforeSend });
    },
  );
  await page.addInitScript(() => {
    let clickedAt: number | null = null;
    document.addEventListener(
      "click",
      (e) => {
        if (e.target instanceof Element && e.target.closest("button[type=submit]"))
          clickedAt = e.timeStamp;
      },
      true,
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
        const report = (
          window as unknown as {
            __benchSubmitAnswered?: (total: number, beforeSend: number) => void;
          }
        ).__benchSubmitAnswered;
        if (
          clickedAt !== null &&
          report &&
          entry.initiatorType === "fetch" &&
          entry.startTime >= clickedAt &&
          new URL(entry.name).pathname === "/meetings/new"
        ) {
          report(entry.responseEnd - clickedAt, entry.startTime - clickedAt);
          clickedAt = null;
        }
      }
    }).observe({ type: "resource", buffered: false });
  });
}

async function bookOnce(
  page: Page,
  i: number,
): Promise<{ action: number; beforeSend: number; page: number }> {
  await page.goto(`${base}/meetings/new`);
  await page.getByLabel("企业微信应用").selectOption({ label: "示例科技有限公司 / 会议助手" });
  await page.getByRole("combobox", { name: "会议管理员" }).click();
  await page.getByPlaceholder("搜索姓名、工号或部门").fill("李华");
  await page.getByRole("option", { name: /李华/ }).click();
  await page.getByLabel("会议标题").fill(`浏览器基准 ${i}`);
  const day = 10 + (i % 15);
  await page
    .getByLabel("会议开始时间")
    .fill(`2027-01-${String(day).padStart(2, "0")}T${String(8 + (i % 10)).padStart(2, "0")}:00`);
  answers.length = 0;
  const t0 = performance.now();
  await page.getByRole("button", { name: "预约会议" }).click();
  await page.waitForURL((u) => /^\/meetings\/(?!new$)[^/]+$/.test(u.pathname));
  await page.getByTestId("wecom-facts").waitFor();
  const shown = performance.now() - t0;
  const answer = answers[0];
  if (answer === undefined) throw new Error("the page reported no answer to the submit");
  return { action: answer.total, beforeSend: answer.beforeSend, page: shown };
}

const fmt = (xs: number[]) => {
  const s = summary(xs);
  return `p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms (n=${s.n})`;
};

await setLatency(latencyMs);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const bare = await bareCreates();
  const page = await browser.newPage({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  page.setDefaultTimeout(60_000);
  await watchSubmits(page);
  await signIn(page);
  const actions: number[] = [];
  const beforeSends: number[] = [];
  const pages: number[] = [];
  for (let i = 0; i < ROUNDS + WARMUP; i++) {
    const r = await bookOnce(page, i);
    if (i < WARMUP) continue;
    actions.push(r.action);
    beforeSends.push(r.beforeSend);
    pages.push(r.page);
  }
  const ratio = summary(actions).p50 / summary(bare).p50;
  console.log(`Booking in Chromium, simulator latency ${latencyMs} ms:`);
  console.log(`  bare meeting/create (WeCom client)   ${fmt(bare)}`);
  console.log(
    `  submit → action's answer             ${fmt(actions)}   ratio p50 ${ratio.toFixed(2)}× (goal ≤ 1.3×)`,
  );
  console.log(`    of which in the page before sending ${fmt(beforeSends)}`);
  console.log(`  submit → meeting page shown          ${fmt(pages)}`);
} finally {
  await browser.close();
  await setLatency(0);
}
process.exit(0);
