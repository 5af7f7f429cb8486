// First-load JavaScript of each page (not a test): every script a page loads, in a cold
// browser, from navigation until the network is idle, measured in Debian's Chromium.
// Each page gets a fresh browser context (empty HTTP cache) carrying the signed-in
// cookies; /login is loaded signed out. Scripts loaded later (on a click, a hover) are
// not first-load and are not counted; scripts the page loads by itself before the
// network goes idle (lazy chunks it renders at once, router prefetches) are.
//
// Figures per page:
//   scripts  script responses (Playwright resourceType "script")
//   raw      decoded bytes of those bodies
//   gzip     each body gzipped here with node:zlib gzipSync level 9, summed: independent
//            of whether and how the server compresses (the headline figure)
//   wire     encoded body bytes as served (Content-Encoding noted), for comparison
//   late     scripts not in a <script src> of the served HTML (loaded by JS after it)
//   inline   raw bytes of the document's inline <script> text (RSC payload, i18n
//            messages), shown apart: not script responses, not in the totals
// <script nomodule> files (Next's polyfills for old browsers) are not fetched by Chromium
// and not counted; the report names them, since a count from the HTML or the build
// manifest would include them.
// 1 kB = 1000 bytes.
//
// Needs a production build served by `next start` and its simulator. `npm run bench`
// (scripts/bench/run.sh) starts one on ports 3201/3299 and runs this against it; by hand,
// on ports apart from the demo's (3000/3100) and the e2e's (3101/3199):
//   export DATABASE_URL=file:./.data/bench.db WECOM_SIM_PORT=3299 AUTH_SECRET=… MEETBRIDGE_ENCRYPTION_KEY=…
//   npm run db:migrate && npm run db:seed && npm run build
//   npm run simulator & npx next start -H 127.0.0.1 -p 3201 &
// Run:
//   npm run bench:first-load -- [baseUrl] [--json]
//   env: BENCH_BASE_URL (default http://127.0.0.1:3000), BENCH_EMAIL, BENCH_PASSWORD
//   (default the demo owner), BENCH_PAGES (comma-separated paths, `{meeting}` and the
//   like allowed), CHROMIUM_PATH.
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Response } from "@playwright/test";

// Every page of the app. A `{name}` is a record's id, found on the page PLACEHOLDERS
// names (the first link there that matches); a page whose record the database lacks
// (no batch, no OA account yet) is left out with a note.
const DEFAULT_PAGES = [
  "/login",
  "/change-password",
  "/meetings",
  "/meetings/new",
  "/meetings/calendar",
  "/meetings/{meeting}",
  "/meetings/{meeting}/edit",
  "/meetings/batch",
  "/meetings/batch/{batch}",
  "/meetings/adopt",
  "/rooms",
  "/logs",
  "/settings",
  "/settings/tenant",
  "/settings/apps",
  "/settings/accounts",
  "/settings/accounts/new",
  "/settings/accounts/import",
  "/settings/accounts/{account}",
  "/settings/api",
  "/settings/users",
  "/account/password",
];
const PLACEHOLDERS: Record<string, { on: string; link: RegExp }> = {
  // A meeting the demo owner may edit: the list offers its edit page.
  meeting: { on: "/meetings", link: /^\/meetings\/([^/?#]+)\/edit$/ },
  batch: { on: "/meetings/batch", link: /^\/meetings\/batch\/(?!template\b)([^/?#]+)$/ },
  account: {
    on: "/settings/accounts",
    link: /^\/settings\/accounts\/(?!new$|import$|export\b)([^/?#]+)$/,
  },
};
const SIGNED_OUT_PAGES = new Set(["/login"]);
const TOP_SCRIPTS = 5;
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
/** <script nomodule> files seen in the pages' HTML, with their sizes. */
const noModule = new Map<string, { raw: number; gzip: number }>();

const args = process.argv.slice(2);
const json = args.includes("--json");
const baseUrl = (
  args.find((a) => !a.startsWith("--")) ??
  process.env.BENCH_BASE_URL ??
  "http://127.0.0.1:3000"
).replace(/\/$/, "");
const credentials = {
  email: process.env.BENCH_EMAIL ?? "demo@meetbridge.local",
  password: process.env.BENCH_PASSWORD ?? "meetbridge-demo",
};
const pages = process.env.BENCH_PAGES?.split(",").map((p) => p.trim()) ?? DEFAULT_PAGES;

interface ScriptFigure {
  url: string;
  raw: number;
  gzip: number;
  wire: number;
  encoding: string;
  late: boolean;
}

interface PageFigure {
  path: string;
  status: number | null;
  finalPath: string;
  scripts: ScriptFigure[];
  inlineBytes: number;
  raw: number;
  gzip: number;
  wire: number;
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // As playwright.config.ts: quiet on a closed network.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ],
  });
}

function newContext(browser: Browser, storageState?: StorageState) {
  return browser.newContext({
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 800 },
    storageState,
  });
}

/** Signs in through the login form (labels as in e2e/fixtures.ts); returns the cookies. */
async function signIn(browser: Browser) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel(/邮箱或用户名|Email or username/).fill(credentials.email);
    await page.getByLabel(/^(密码|Password)$/).fill(credentials.password);
    await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
    await page.waitForURL(/\/meetings$/, { timeout: 30_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

async function measure(
  browser: Browser,
  path: string,
  storageState: StorageState | undefined,
): Promise<PageFigure> {
  const context = await newContext(browser, storageState);
  try {
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") responses.push(r);
    });
    const doc = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle", timeout: 60_000 });
    // The scripts the served HTML names in <script src>; any other script came later.
    const html = doc ? await doc.text() : "";
    const inHtml = new Set(
      Array.from(
        html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g),
        (m) => new URL(m[1]!, baseUrl).pathname,
      ),
    );
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
      const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
      if (!src || !/\snomodule\b/i.test(tag) || noModule.has(src)) continue;
      const body = await (await context.request.get(new URL(src, baseUrl).href)).body();
      noModule.set(src, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    const inlineBytes = await page.evaluate(() =>
      Array.from(document.querySelectorAll("script:not([src])")).reduce(
        (sum, s) => sum + new TextEncoder().encode(s.textContent ?? "").length,
        0,
      ),
    );

    const scripts: ScriptFigure[] = [];
    for (const r of responses) {
      const body = await r.body().catch(() => null);
      if (!body) continue;
      const sizes = await r.request().sizes();
      const url = new URL(r.url());
      scripts.push({
        url: url.pathname,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        wire: sizes.responseBodySize,
        encoding: (await r.headerValue("content-encoding")) ?? "identity",
        late: !inHtml.has(url.pathname),
      });
    }
    const sum = (key: "raw" | "gzip" | "wire") => scripts.reduce((s, x) => s + x[key], 0);
    return {
      path,
      status: doc?.status() ?? null,
      finalPath: new URL(page.url()).pathname,
      scripts,
      inlineBytes,
      raw: sum("raw"),
      gzip: sum("gzip"),
      wire: sum("wire"),
    };
  } finally {
    await context.close();
  }
}

/** A plain-text table: the first column left-aligned, the figures right-aligned. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function report(results: PageFigure[]) {
  const encodings = new Set(results.flatMap((p) => p.scripts.map((s) => s.encoding)));
  console.log(`First-load JavaScript at ${baseUrl} (1 kB = 1000 bytes)`);
  console.log(
    "gzip = each script body gzipped with zlib level 9; " +
      `wire = encoded bytes as served (Content-Encoding: ${[...encodings].join(", ") || "none"})\n`,
  );
  console.log(
    table([
      ["page", "status", "scripts", "late", "raw kB", "gzip kB", "wire kB", "inline kB"],
      ...results.map((p) => [
        p.finalPath === p.path ? p.path : `${p.path} → ${p.finalPath}`,
        String(p.status ?? "—"),
        String(p.scripts.length),
        String(p.scripts.filter((s) => s.late).length),
        kB(p.raw),
        kB(p.gzip),
        kB(p.wire),
        kB(p.inlineBytes),
      ]),
    ]),
  );
  for (const p of results) {
    console.log(`\n${p.path}: largest ${TOP_SCRIPTS} of ${p.scripts.length} scripts`);
    const top = [...p.scripts].sort((a, b) => b.gzip - a.gzip).slice(0, TOP_SCRIPTS);
    console.log(
      table([
        ["script", "raw kB", "gzip kB", "late"],
        ...top.map((s) => [s.url, kB(s.raw), kB(s.gzip), s.late ? "late" : ""]),
      ]),
    );
  }
  for (const [src, size] of noModule)
    console.log(
      `\nnot counted: ${src} (${kB(size.raw)} kB raw, ${kB(size.gzip)} kB gzip), a <script nomodule> Chromium does not fetch`,
    );
  const redirected = results.filter((p) => p.finalPath !== p.path || (p.status ?? 0) >= 400);
  if (redirected.length > 0)
    console.log(
      `\nnote: ${redirected.map((p) => `${p.path} (${p.status ?? "no response"} at ${p.finalPath})`).join(", ")} did not render as itself; its figures are for what it showed.`,
    );
}

/** The id each `{name}` the pages use stands for: the first matching link on its page. */
async function resolvePlaceholders(browser: Browser, storageState: StorageState) {
  const names = new Set(pages.flatMap((p) => Array.from(p.matchAll(/\{(\w+)\}/g), (m) => m[1]!)));
  const ids = new Map<string, string>();
  const context = await newContext(browser, storageState);
  try {
    const page = await context.newPage();
    for (const name of names) {
      const where = PLACEHOLDERS[name];
      if (!where) throw new Error(`no page is known for {${name}}`);
      await page.goto(`${baseUrl}${where.on}`);
      const hrefs = await page
        .locator("a[href]")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      const id = hrefs.map((h) => where.link.exec(h)?.[1]).find(Boolean);
      if (id) ids.set(name, id);
    }
  } finally {
    await context.close();
  }
  return ids;
}

const browser = await launch();
try {
  const signedIn = await signIn(browser);
  const ids = await resolvePlaceholders(browser, signedIn);
  const results: PageFigure[] = [];
  const missing: string[] = [];
  for (const pattern of pages) {
    let unknown = false;
    const path = pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
      unknown ||= !ids.has(name);
      return ids.get(name) ?? "";
    });
    if (unknown) {
      missing.push(pattern);
      continue;
    }
    results.push(await measure(browser, path, SIGNED_OUT_PAGES.has(path) ? undefined : signedIn));
  }
  report(results);
  if (missing.length > 0)
    console.log(`\nleft out, no record to show in this database: ${missing.join(", ")}`);
  if (json) console.log(`\n${JSON.stringify(results, null, 2)}`);
} finally {
  await browser.close();
}
