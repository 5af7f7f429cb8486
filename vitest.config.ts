import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React Server Components; tests run on the server side anyway.
      "server-only": `${root}node_modules/server-only/empty.js`,
    },
  },
  test: {
    environment: "node",
    // The WeCom bases the tests' rows and scripted clients use (a simulator started by a
    // test lists itself: lib/wecom/testing/sim-harness.ts). Nothing listens on port 1.
    env: {
      MEETBRIDGE_WECOM_BASE_URLS: "http://wecom.test/cgi-bin/,http://127.0.0.1:1/cgi-bin/",
    },
    include: ["{lib,app,components,scripts,prisma}/**/*.test.{ts,tsx}"],
    // next-auth imports `next/server` without its extension, which only Next's bundler
    // resolves: run it through Vite's resolver (proxy.ts is tested with Auth.js itself).
    server: { deps: { inline: ["next-auth"] } },
    // Two cores: two workers, and integration tests get time for real HTTP + DB.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
