// @ts-check
import createNextIntlPlugin from "next-intl/plugin";
// Validates the environment: a bad env fails the build and the start, not a request.
import "./lib/env.js";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "pg"],
};

export default withNextIntl(nextConfig);
