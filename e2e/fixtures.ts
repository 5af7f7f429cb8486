import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import Database from "libsql";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { METRICS_TOKEN } from "../playwright.config";
import { apiKeySecrets } from "./api-keys";

// The demo accounts the e2e server seeds (prisma/seed/demo.ts with the default env).
export const DEMO = { email: "demo@meetbridge.local", password: "meetbridge-demo" };
export const VIEWER = { email: "viewer@meetbridge.local", password: "meetbridge-demo" };
export const BOOKER = { email: "booker@meetbridge.local", password: "meetbridge-demo" };

export async function signIn(page: Page, who: { email: string; password: string } = DEMO) {
  await page.goto("/login");
  // The sign-in page speaks the browser's last language, Chinese or English.
  await page.getByLabel(/邮箱或用户名|Email or username/).fill(who.email);
  await page.getByLabel(/^(密码|Password)$/).fill(who.password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/meetings$/);
  // The UI is in the account's saved language from here on.
}

const SECRET_ENV = {
  // playwright.config.ts's app env: MeetBridge's own secrets.
  auth: "e2e-only-auth-secret-e2e-only-auth-secret",
  key: Buffer.alloc(32, 9).toString("base64"),
};

/** Every secret the e2e run knows of: the simulator's app credentials and the tokens it
 * handed out, MeetBridge's own keys, and the sealed secret columns as stored. */
async function knownSecrets(request: APIRequestContext): Promise<string[]> {
  const seed = (await (await request.get(`${SIM}/__sim/seed`)).json()) as {
    apps: Record<string, unknown>[];
  };
  const tokens = (await (await request.get(`${SIM}/__sim/tokens`)).json()) as { token: string }[];
  const fromApps = seed.apps.flatMap((a) =>
    ["secret", "suiteSecret", "suiteTicket", "permanentCode"].map((k) => a[k]),
  );
  const db = new Database(E2E_DB, { readonly: true });
  try {
    const sealed = db
      .prepare(
        "SELECT secretEnc, suiteSecretEnc, suiteTicketEnc, permanentCodeEnc, callbackTokenEnc, callbackAesKeyEnc FROM App",
      )
      .all() as Record<string, string | null>[];
    const tokenRows = db.prepare("SELECT * FROM WecomToken").all() as Record<string, unknown>[];
    // An API key is shown once, in the answer that creates it; its stored hash never.
    const keyHashes = db.prepare("SELECT tokenHash FROM ApiToken").all() as { tokenHash: string }[];
    return [
      ...fromApps,
      ...tokens.map((t) => t.token),
      SECRET_ENV.auth,
      SECRET_ENV.key,
      METRICS_TOKEN,
      ...apiKeySecrets(),
      ...sealed.flatMap((r) => Object.values(r)),
      ...keyHashes.map((r) => r.tokenHash),
      ...tokenRows.flatMap((r) =>
        Object.entries(r)
          .filter(([k]) => /enc$/i.test(k))
          .map(([, v]) => v),
      ),
    ].filter((v): v is string => typeof v === "string" && v.length >= 8);
  } finally {
    db.close();
  }
}

const TEXT_TYPES = /html|json|javascript|text\/|x-component|csv/;

/**
 * Every test: each response the browser receives (documents, RSC payloads, action
 * answers, downloads; not the build's static chunks) is kept, and at the end searched for
 * every known secret and token. A test that makes MeetBridge send one fails.
 */
export const test = base.extend<{ noSecretsServed: void }>({
  noSecretsServed: [
    async ({ context, request }, use) => {
      const bodies: Promise<{ url: string; body: string } | null>[] = [];
      context.on("response", (res) => {
        const url = res.url();
        if (url.includes("/_next/static/") || url.startsWith(SIM)) return;
        if (!TEXT_TYPES.test(res.headers()["content-type"] ?? "")) return;
        bodies.push(
          res.text().then(
            (body) => ({ url, body }),
            () => null, // a redirect or an aborted response has no body
          ),
        );
      });
      await use();
      const secrets = await knownSecrets(request);
      // The server's log (scripts/e2e-server.sh writes it) holds none of them either.
      const serverLog = existsSync(SERVER_LOG) ? readFileSync(SERVER_LOG, "utf8") : "";
      expect(serverLog.length, "the e2e server writes its log").toBeGreaterThan(0);
      for (const secret of secrets)
        expect(serverLog.includes(secret), "a secret was written to the server log").toBe(false);
      for (const got of await Promise.all(bodies)) {
        if (!got) continue;
        for (const secret of secrets) {
          expect(got.body.includes(secret), `a secret was sent to the browser in ${got.url}`).toBe(
            false,
          );
        }
      }
    },
    { auto: true },
  ],
});

/**
 * Tests that start signed in as the demo owner: one sign-in per worker, its cookies
 * reused by every test's fresh context (e2e/auth.spec.ts tests signing in itself).
 */
export const signedIn = test.extend<object, { demoStorage: () => Promise<string> }>({
  demoStorage: [
    async ({ browser, playwright }, provide, workerInfo) => {
      const file = path.join(workerInfo.project.outputDir, `.demo-${workerInfo.workerIndex}.json`);
      const { baseURL, locale, timezoneId } = workerInfo.project.use;
      const save = async () => {
        const page = await browser.newPage({ baseURL, locale, timezoneId });
        await signIn(page);
        await page.context().storageState({ path: file });
        await page.context().close();
      };
      // Signing out ends every session of the account (User.sessionVersion), so a spec that
      // signs the demo owner out (e2e/auth.spec.ts) ends this one too: sign in again then.
      const valid = async () => {
        const api = await playwright.request.newContext({ baseURL, storageState: file });
        try {
          return (await api.get("/settings", { maxRedirects: 0 })).status() === 200;
        } finally {
          await api.dispose();
        }
      };
      await save();
      await provide(async () => {
        if (!(await valid())) await save();
        return file;
      });
    },
    { scope: "worker" },
  ],
  storageState: async ({ demoStorage }, provide) => provide(await demoStorage()),
});

// ---------------------------------------------------------------------------------------
// The simulator and the booking form (e2e/booking*.spec.ts).

export const SIM = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 3199}`;
/** The e2e server's database (playwright.config.ts), for the few facts a test must set up. */
export const E2E_DB = fileURLToPath(new URL("../.data/e2e.db", import.meta.url));
/** Where scripts/e2e-server.sh copies the server's output (its setup's too). */
export const SERVER_LOG = fileURLToPath(new URL("../.data/e2e-server.log", import.meta.url));
/** The demo corp's booking app, as the app select lists it. */
export const ASSISTANT = "示例科技有限公司 / 会议助手";

/** What the app row of 会议助手 holds that a test may change, and must put back. */
export interface AppFacts {
  status: string;
  visibleRange: string | null;
}

function e2eDb<T>(work: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB);
  db.pragma("busy_timeout = 5000");
  try {
    return work(db);
  } finally {
    db.close();
  }
}

export function readAssistantApp(): AppFacts {
  return e2eDb(
    (db) =>
      db.prepare("SELECT status, visibleRange FROM App WHERE name = ?").get("会议助手") as AppFacts,
  );
}

export function writeAssistantApp(facts: AppFacts): void {
  e2eDb((db) =>
    db
      .prepare("UPDATE App SET status = ?, visibleRange = ? WHERE name = ?")
      .run(facts.status, facts.visibleRange, "会议助手"),
  );
}

export interface SimRequest {
  id: number;
  operation: string;
  body: Record<string, unknown>;
  appKey?: string;
  errcode: number | null;
  response: unknown;
}

export interface SimMeeting {
  meetingid: string;
  meeting_code: string;
  meeting_link: string;
  appKey: string;
  admin_userid: string;
  title: string;
  meeting_start: number;
  meeting_duration: number;
  invitees: string[];
  settings: Record<string, unknown>;
  reminders: Record<string, unknown>;
  cancelled: boolean;
}

export async function simRequests(request: APIRequestContext, operation: string) {
  const res = await request.get(`${SIM}/__sim/requests`, { params: { operation } });
  expect(res.ok()).toBe(true);
  return (await res.json()) as SimRequest[];
}

/** The meeting/create calls the simulator received whose title contains `text`. */
export async function createsTitled(request: APIRequestContext, text: string) {
  return (await simRequests(request, "meeting/create")).filter((r) =>
    String(r.body.title ?? "").includes(text),
  );
}

export async function simMeetings(request: APIRequestContext) {
  return (await (await request.get(`${SIM}/__sim/meetings`)).json()) as SimMeeting[];
}

export async function simPost(request: APIRequestContext, path: string, data?: unknown) {
  const res = await request.post(`${SIM}${path}`, data === undefined ? {} : { data });
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
}

/** Leaves the simulator as the next spec expects it: no faults, no latency, no revocation. */
export async function restoreSimulator(request: APIRequestContext) {
  await request.delete(`${SIM}/__sim/faults`);
  await simPost(request, "/__sim/latency", { ms: 0 });
  await simPost(request, "/__sim/apps/meeting-assistant/restore");
}

/** A short tag that makes this run's titles unique (the e2e simulator lives for the run). */
export function runTag(): string {
  return Math.random().toString(36).slice(2, 6).toUpperCase();
}

/**
 * A wall-clock time `days` from today in the demo tenant's zone (Asia/Shanghai, UTC+8
 * all year): the datetime-local value the form takes, and the Unix seconds WeCom gets.
 */
export function shanghai(days: number, hour: number, minute = 0) {
  const today = new Date(Date.now() + 8 * 3600_000); // Shanghai's calendar day, read as UTC
  const utc = Date.UTC(
    today.getUTCFullYear(),
    today.getUTCMonth(),
    today.getUTCDate() + days,
    hour,
    minute,
  );
  const wall = new Date(utc).toISOString().slice(0, 16); // "YYYY-MM-DDTHH:mm"
  return { wall, date: wall.slice(0, 10), unix: utc / 1000 - 8 * 3600 };
}

/** Chooses accounts in one of the form's people pickers (admin, invitees, ring members). */
export async function pickPerson(page: Page, field: string | RegExp, search: string) {
  const picker = page.getByRole("combobox", { name: field });
  // A multi-select stays open after a pick: search again in it rather than closing it.
  if ((await picker.getAttribute("aria-expanded")) !== "true") await picker.click();
  await page
    .getByPlaceholder(/搜索姓名、工号或部门|Search name, job number or department/)
    .fill(search);
  // The list refreshes once the search settles: click only then, or the click can land on
  // a list that is being replaced.
  const results = page.locator("[cmdk-list]").getByRole("option");
  await expect(results.filter({ hasNotText: search })).toHaveCount(0);
  await page.getByRole("option", { name: new RegExp(`^(✓ )?${search}`) }).click();
}

/** Adds a whole department in the invitee picker; returns the note under the picker. */
export async function addDepartment(page: Page, department: string) {
  await page.getByRole("combobox", { name: /^(参会人员|Invitees)$/ }).click();
  await page
    .getByPlaceholder(/搜索姓名、工号或部门|Search name, job number or department/)
    .fill(department);
  await page
    .getByRole("option", { name: new RegExp(`^(添加“|Add everyone in "|Add ")${department}`) })
    .click();
  return page.locator("#inviteeIds").locator("xpath=..").getByRole("status");
}

/** Opens the booking form with the app, an admin, a title and a start chosen. */
export async function startBooking(
  page: Page,
  o: { title: string; start: string; admin?: string },
) {
  await page.goto("/meetings/new");
  await page.getByLabel(/^(企业微信应用|WeCom app)$/).selectOption({ label: ASSISTANT });
  await pickPerson(page, /^(会议管理员|Meeting admin)$/, o.admin ?? "张伟");
  await page.getByLabel(/^(会议标题|Title)$/).fill(o.title);
  await page.getByLabel(/^(会议开始时间|Start)$/).fill(o.start);
}

/** The booking form's submit button. */
export const submitButton = (page: Page) =>
  page.getByRole("button", { name: /^(预约会议|Book meeting)$/ });

/** Lands on a meeting's own page from the form; returns MeetBridge's meeting id. */
export async function landedMeetingId(page: Page): Promise<string> {
  await page.waitForURL((u) => /^\/meetings\/(?!new$)[^/]+$/.test(u.pathname));
  return new URL(page.url()).pathname.split("/").pop()!;
}
