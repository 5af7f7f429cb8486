// @ts-check
import createNextIntlPlugin from "next-intl/plugin";
// Validates the environment: a bad env fails the build and the start, not a request.
import { env } from "./lib/env.js";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    // Messages are compiled at build time, so the browser gets a 1 kB formatter instead
    // of the ICU parser (intl-messageformat, about 9 kB gzip on every page). t.raw() is
    // not available with it. See docs/decisions/005.
    messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

// On every route (pages, API, sign-in): no framing by other sites (clickjacking), no
// content sniffing, no full URLs (meeting ids, filters) in the Referer to other origins.
// The CSP holds frame-ancestors only: script-src would need nonces for Next's inline scripts.
const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The demo's build skips the type-check `npm test` already ran (scripts/demo.sh).
  typescript: { ignoreBuildErrors: !env.MEETBRIDGE_BUILD_TYPECHECK },
  poweredByHeader: false,
  // pino bundled loses its worker and pulls thread-stream's tests in (docs/stack-notes.md).
  serverExternalPackages: ["libsql", "@libsql/client", "pg", "pino", "pino-pretty"],
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  experimental: {
    // The accounts CSV import sends its file to a server action (lib/actions/import-accounts.ts,
    // at most 10 MB: lib/accounts/read-csv.ts); the default limit is 1 MB.
    serverActions: { bodySizeLimit: "11mb" },
  },
};

export default withNextIntl(nextConfig);
