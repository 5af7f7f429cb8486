// Every page and route handler, requested by the demo owner with the ids of another
// tenant's objects (e2e/seed-e2e.ts): a page about one object answers "not found", every
// other page and export shows none of them. The routes are read from app/, so a route
// added without a case here fails the first test. Server actions: lib/actions/
// cross-tenant.db.test.ts.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { signedIn as test } from "./fixtures";
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
  | { kind: "no tenant object"; why: string };

const inThreeDays = new Date(Date.now() + 3 * 86_400_000 + 8 * 3600_000).toISOString();

const UNSIGNED = `msg_signature=${"0".repeat(40)}&timestamp=1700000000&nonce=42`;

const CASES: Record<string, Case> = {
  "/": { kind: "shows none of it", urls: () => ["/"] },
  "/login": { kind: "no tenant object", why: "the sign-in page" },
  "/invite/[token]": { kind: "no tenant object", why: "a token, not an id" },
  "/change-password": { kind: "shows none of it", urls: () => ["/change-password"] },
  "/account/password": { kind: "shows none of it", urls: () => ["/account/password"] },
  "/api/auth/[...nextauth]": { kind: "no tenant object", why: "Auth.js's own endpoints" },
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
  "/meetings/new": { kind: "shows none of it", urls: (o) => [`/meetings/new?copy=${o.meetingId}`] },
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
  "/settings/apps": { kind: "shows none of it", urls: () => ["/settings/apps"] },
  "/settings/tenant": { kind: "shows none of it", urls: () => ["/settings/tenant"] },
  "/settings/users": { kind: "shows none of it", urls: () => ["/settings/users"] },
};

test("every page and route handler has a cross-tenant case", () => {
  expect(Object.keys(CASES).sort()).toEqual([...new Set(routes())].sort());
});

for (const [route, c] of Object.entries(CASES)) {
  if (c.kind === "no tenant object") continue;
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
