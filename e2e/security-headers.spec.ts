import { expect, type APIResponse, type Response } from "@playwright/test";
import { test, SIM, signedIn } from "./fixtures";

// next.config.js headers(): on every route, signed in or not, pages and API alike.
const EXPECTED = {
  "content-security-policy": "frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

async function expectSecurityHeaders(res: APIResponse | Response | null, path: string) {
  expect(res, path).not.toBeNull();
  const headers = "allHeaders" in res! ? await res.allHeaders() : res!.headers();
  for (const [name, value] of Object.entries(EXPECTED)) {
    expect(headers[name], `${name} on ${path}`).toBe(value);
  }
}

test("the sign-in page and an API route send the security headers", async ({ request }) => {
  for (const path of ["/login", "/api/auth/session"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    await expectSecurityHeaders(res, path);
  }
});

test("so does the redirect of an anonymous visit", async ({ request }) => {
  const res = await request.get("/meetings", { maxRedirects: 0 });
  expect(res.status()).toBeGreaterThanOrEqual(300);
  expect(res.status()).toBeLessThan(400);
  await expectSecurityHeaders(res, "/meetings (anonymous)");
});

signedIn("a signed-in page sends them too", async ({ page }) => {
  const res = await page.goto("/meetings");
  await expect(page).toHaveURL(/\/meetings$/);
  await expectSecurityHeaders(res, "/meetings");
});

test("another site cannot frame MeetBridge, though it can frame a page without the headers", async ({
  page,
  baseURL,
}) => {
  // The control: the simulator sends no such headers, so its page loads in the frame.
  await page.setContent(
    `<iframe id="control" src="${SIM}/__sim/seed"></iframe>` +
      `<iframe id="app" src="${baseURL}/login"></iframe>`,
  );
  await expect(page.frameLocator("#control").locator("body")).toContainText("apps");
  // Chromium replaces a refused frame with its error page.
  await expect
    .poll(() => page.frames().map((f) => f.url()))
    .toContain("chrome-error://chromewebdata/");
  await expect(
    page.frameLocator("#app").getByRole("heading", { name: "登录 MeetBridge" }),
  ).toHaveCount(0);
});
