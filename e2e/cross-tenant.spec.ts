// Every page and route handler, requested by the demo owner with the ids of another
// tenant's objects (e2e/seed-e2e.ts): a page about one object answers "not found", every
// other page and export shows none of them. The routes are read from app/, so a route
// added without a case here fails the first test. Server actions: lib/actions/
// cross-tenant.db.test.ts.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { signedIn as test } from "./fixtures";
import { readApiKeys } from "./api-keys";
import { OTHER_TENANT_MARK, readOtherTenant, type OtherTenant } from "./other-tenant";

const APP_DIR = path.join(process.cwd(), "app");

/** URL patterns of every page.tsx and route.ts under app/ ("/meetings/[id]"). */
function routes(dir = APP_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routes(full);
    if (name !== "page.tsx" && name !== "route.ts") return [];
    const rel = path.relative(APP_DIR, path.dirname(full)).split(path.sep);
    return ["/" + rel.filter((s) => s && !/^\(.*\)$/.test(s)).join("/")];
  });
}

type Case =
  | { kind: "not found"; urls: (o: OtherTenant) => string[] }
  | { kind: "shows none of it"; urls: (o: OtherTenant) => string[] }
  | { kind: "no tenant object"; why: string }
  /** The HTTP API, called with the demo tenant's admin key (and a key of the other tenant's). */
  | {
      kind: "api";
      notFound: (o: OtherTenant) => [method: string, url: string][];
      showsNone: (o: OtherTenant) => string[];
    };

const inThreeDays = new Date(Date.now() + 3 * 86_400_000 + 8 * 3600_000).toISOString();

const UNSIGNED = `msg_signature=${"0".repeat(40)}&timestamp=1700000000&nonce=42`;

const CASES: Record<string, Case> = {
  "/": { kind: "shows none of it", urls: () => ["/"] },
  "/login": { kind: "no tenant object", why: "the sign-in page" },
  "/invite/[token]": { kind: "no tenant object", why: "a token, not an id" },
  "/change-password": { kind: "shows none of it", urls: () => ["/change-password"] },
  "/account/password": { kind: "shows none of it", urls: () => ["/account/password"] },
  "/api/auth/[...nextauth]": { kind: "no tenant object", why: "Auth.js's own endpoints" },
  "/api/health": { kind: "no tenant object", why: "the liveness probe: no data at all" },
  "/api/ready": { kind: "no tenant object", why: "the readiness probe: named checks only" },
  "/api/metrics": { kind: "no tenant object", why: "counts without tenant labels, behind a token" },
  "/api/v1/[[...route]]": {
    kind: "api",
    notFound: (o) => [
      ["GET", `/api/v1/meetings/${o.meetingId}`],
      ["GET", `/api/v1/meetings/${o.meetingId}?refresh=1`],
      ["GET", `/api/v1/meetings/wecom:other-meeting-${OTHER_TENANT_MARK}`],
      ["PATCH", `/api/v1/meetings/${o.meetingId}`],
      ["DELETE", `/api/v1/meetings/${o.meetingId}`],
      ["POST", `/api/v1/meetings/${o.meetingId}/cancel`],
      ["GET", `/api/v1/batches/${o.batchId}`],
      ["GET", `/api/v1/rooms?appId=${o.appId}&start=${inThreeDays.slice(0, 16)}`],
      ["POST", `/api/v1/meetings/${o.meetingId}/occurrences/123456789/cancel`],
    ],
    showsNone: (o) => [
      `/api/v1/meetings?q=${encodeURIComponent("他方机密")}`,
      `/api/v1/meetings?appId=${o.appId}`,
      `/api/v1/meetings?adminId=${o.accountId}`,
      `/api/v1/meetings?inviteeId=${o.accountId}`,
      "/api/v1/apps",
      `/api/v1/accounts?q=${encodeURIComponent("他方账号")}`,
      "/api/v1/openapi.json",
      "/api/v1/docs",
    ],
  },
  // Unauthenticated by design (WeCom calls them): without a valid signature another
  // tenant's app id gets a short refusal and nothing of the app (POST: below).
  "/api/wecom/callback/[appId]": {
    kind: "shows none of it",
    urls: (o) => [`/api/wecom/callback/${o.appId}?${UNSIGNED}&echostr=YWJj`],
  },
  "/api/wecom/suite/[appId]": {
    kind: "shows none of it",
    urls: (o) => [`/api/wecom/suite/${o.appId}?${UNSIGNED}&echostr=YWJj`],
  },
  "/logs": {
    kind: "shows none of it",
    urls: (o) => ["/logs", `/logs?meeting=${o.meetingId}`, `/logs?app=${o.appId}`],
  },
  "/meetings": {
    kind: "shows none of it",
    urls: (o) => [
      `/meetings?q=${encodeURIComponent("他方机密")}`,
      `/meetings?appId=${o.appId}`,
      `/meetings?adminId=${o.accountId}`,
      `/meetings?inviteeId=${o.accountId}`,
    ],
  },
  "/meetings/[id]": { kind: "not found", urls: (o) => [`/meetings/${o.meetingId}`] },
  "/meetings/[id]/edit": { kind: "not found", urls: (o) => [`/meetings/${o.meetingId}/edit`] },
  "/meetings/adopt": { kind: "shows none of it", urls: () => ["/meetings/adopt"] },
  "/meetings/calendar": {
    kind: "shows none of it",
    urls: () => [
      `/meetings/calendar?view=week&date=${inThreeDays.slice(0, 10)}`,
      `/meetings/calendar?view=month&date=${inThreeDays.slice(0, 10)}`,
    ],
  },
  "/meetings/export": {
    kind: "shows none of it",
    urls: (o) => [
      "/meetings/export",
      `/meetings/export?appId=${o.appId}`,
      `/meetings/export?q=${encodeURIComponent("他方机密")}`,
    ],
  },
  "/meetings/batch": { kind: "shows none of it", urls: () => ["/meetings/batch"] },
  "/meetings/batch/[id]": { kind: "not found", urls: (o) => [`/meetings/batch/${o.batchId}`] },
  "/meetings/batch/[id]/status": {
    kind: "shows none of it",
    urls: (o) => [`/meetings/batch/${o.batchId}/status`],
  },
  "/meetings/batch/[id]/result": {
    kind: "shows none of it",
    urls: (o) => [`/meetings/batch/${o.batchId}/result`],
  },
  "/meetings/batch/template": {
    kind: "shows none of it",
    urls: () => ["/meetings/batch/template?format=csv", "/meetings/batch/template?format=xlsx"],
  },
  "/meetings/new": {
    kind: "shows none of it",
    urls: (o) => [
      `/meetings/new?copy=${o.meetingId}`,
      `/meetings/new?app=${o.appId}&room=1&start=${inThreeDays.slice(0, 16)}`,
    ],
  },
  "/rooms": { kind: "shows none of it", urls: (o) => ["/rooms", `/rooms?app=${o.appId}`] },
  "/settings": { kind: "shows none of it", urls: () => ["/settings"] },
  "/settings/accounts": {
    kind: "shows none of it",
    urls: () => ["/settings/accounts", `/settings/accounts?q=${encodeURIComponent("他方账号")}`],
  },
  "/settings/accounts/[id]": {
    kind: "not found",
    urls: (o) => [`/settings/accounts/${o.accountId}`],
  },
  "/settings/accounts/new": { kind: "shows none of it", urls: () => ["/settings/accounts/new"] },
  "/settings/accounts/import": {
    kind: "shows none of it",
    urls: () => ["/settings/accounts/import"],
  },
  "/settings/accounts/export": {
    kind: "shows none of it",
    urls: () => [
      "/settings/accounts/export",
      `/settings/accounts/export?q=${encodeURIComponent("他方账号")}`,
    ],
  },
  "/settings/api": { kind: "shows none of it", urls: () => ["/settings/api"] },
  "/settings/apps": { kind: "shows none of it", urls: () => ["/settings/apps"] },
  "/settings/tenant": { kind: "shows none of it", urls: () => ["/settings/tenant"] },
  "/settings/users": { kind: "shows none of it", urls: () => ["/settings/users"] },
};

test("every page and route handler has a cross-tenant case", () => {
  expect(Object.keys(CASES).sort()).toEqual([...new Set(routes())].sort());
});

/** Nothing of the other tenant's in a body, but the ids the URL itself carries. */
function expectNoLeak(served: string, url: string, other: OtherTenant) {
  // A problem document names its request (instance): that echo is the caller's own URL.
  const body = served.replaceAll(url.split("?")[0]!, "");
  expect(body, url).not.toContain(OTHER_TENANT_MARK);
  for (const id of Object.values(other).filter((i) => !url.includes(i)))
    expect(body, `${url} holds ${id}`).not.toContain(id);
}

for (const [route, c] of Object.entries(CASES)) {
  if (c.kind !== "api") continue;
  test(`${route}: another tenant's objects are not found and never show through the API`, async ({
    request,
  }) => {
    const other = readOtherTenant();
    const keys = readApiKeys();
    const auth = { authorization: `Bearer ${keys.admin}`, "content-type": "application/json" };
    for (const [method, url] of c.notFound(other)) {
      const body = method === "GET" ? {} : { data: "{}" };
      const res = await request.fetch(url, { method, headers: auth, ...body });
      expect(res.status(), `${method} ${url}`).toBe(404);
      expectNoLeak(await res.text(), url, other);
    }
    for (const url of c.showsNone(other)) {
      const res = await request.get(url, { headers: auth });
      expect(res.status(), url).toBeLessThan(400);
      expectNoLeak(await res.text(), url, other);
    }
    // The other tenant's key finds none of the demo tenant's meetings either.
    const theirs = await request.get("/api/v1/meetings?limit=100", {
      headers: { authorization: `Bearer ${keys.otherTenant}` },
    });
    const items = ((await theirs.json()) as { items: { id: string }[] }).items;
    expect(items.map((m) => m.id)).toEqual([other.meetingId]);
  });
}

for (const [route, c] of Object.entries(CASES)) {
  if (c.kind === "no tenant object" || c.kind === "api") continue;
  test(`${route}: another tenant's objects ${c.kind === "not found" ? "are not found" : "never show"}`, async ({
    page,
  }) => {
    const other = readOtherTenant();
    for (const url of c.urls(other)) {
      const res = await page.request.get(url);
      const body = await res.text();
      expect(res.status(), url).toBeLessThan(500);
      // No name or title of the other tenant's anywhere in what is served, and no id of
      // theirs but the one the URL itself carries (pages echo their own query).
      expect(body, url).not.toContain(OTHER_TENANT_MARK);
      for (const id of Object.values(other).filter((i) => !url.includes(i)))
        expect(body, `${url} holds ${id}`).not.toContain(id);
      if (c.kind === "not found") {
        // notFound() after streaming began keeps status 200: the page says it instead.
        await page.goto(url);
        await expect(page.getByText("页面不存在"), url).toBeVisible();
      }
    }
  });
}

test("the callback URLs refuse an unsigned POST for another tenant's app, saying nothing of it", async ({
  page,
}) => {
  const other = readOtherTenant();
  for (const channel of ["callback", "suite"]) {
    const url = `/api/wecom/${channel}/${other.appId}?${UNSIGNED}`;
    const res = await page.request.post(url, {
      data: `<xml><ToUserName><![CDATA[x]]></ToUserName><Encrypt><![CDATA[YWJjZA==]]></Encrypt></xml>`,
      headers: { "content-type": "text/xml" },
    });
    expect(res.status(), url).toBeGreaterThanOrEqual(400);
    expect(res.status(), url).toBeLessThan(500);
    const body = await res.text();
    expect(body).not.toContain(OTHER_TENANT_MARK);
    for (const id of Object.values(other)) expect(body, `${url} holds ${id}`).not.toContain(id);
  }
});
