import { defineConfig, devices } from "@playwright/test";

// E2E runs the production build against its own SQLite file and its own simulator,
// on ports apart from the demo's, in Debian's Chromium (no browser download).
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3101);
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 3199);
const secrets = {
  AUTH_SECRET: "e2e-only-auth-secret-e2e-only-auth-secret",
  MEETBRIDGE_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
};

/** The e2e server's Prometheus scrape token (e2e/observability.spec.ts). */
export const METRICS_TOKEN = "e2e-metrics-token-e2e-metrics-token";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "node_modules/.bin/tsx lib/wecom/simulator/main.ts",
      url: `http://127.0.0.1:${SIM_PORT}/__sim/seed`,
      env: { WECOM_SIM_PORT: String(SIM_PORT) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "bash scripts/e2e-server.sh",
      url: `http://127.0.0.1:${APP_PORT}/login`,
      env: {
        ...secrets,
        PORT: String(APP_PORT),
        WECOM_SIM_PORT: String(SIM_PORT),
        // The seeded apps call the simulator: the one WeCom base besides the official one.
        MEETBRIDGE_WECOM_BASE_URLS: `http://127.0.0.1:${SIM_PORT}/cgi-bin/`,
        DATABASE_URL: "file:./.data/e2e.db",
        // e2e/booking-resilience.spec.ts: a WeCom answer later than 3 s is lost, and the
        // reconcile sweep runs every 2 s. The grace before a lost booking is sent again
        // must outlast the timeout and the simulator's late answer (5 s), or the sweep
        // would book a second meeting while the first create is still under way.
        WECOM_HTTP_TIMEOUT_MS: "3000",
        MEETBRIDGE_RECONCILE_GRACE_SECONDS: "10",
        MEETBRIDGE_JOBS_INTERVAL_SECONDS: "2",
        MEETBRIDGE_METRICS_TOKEN: METRICS_TOKEN,
      },
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
