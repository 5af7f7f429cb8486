// @ts-check
// The one validated env module: nothing else reads process.env. JavaScript (not
// TypeScript) so that next.config.js can import it and a bad env fails the build
// and the start, as create-t3-app does.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const isProd = process.env.NODE_ENV === "production";
const DEV_ONLY_SECRET = "meetbridge-development-only-secret-change-me";
// 32 zero bytes: only ever used outside production, where a real key is required.
const DEV_ONLY_KEY = Buffer.alloc(32).toString("base64");

/** @param {number} fallback */
const int = (fallback) => z.coerce.number().int().positive().default(fallback);
/** @param {boolean} fallback */
const bool = (fallback) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1");

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** `file:` (SQLite, the default) or `postgresql://` */
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: or postgresql://")
      .default("file:./.data/meetbridge.db"),
    AUTH_SECRET: isProd ? z.string().min(32) : z.string().min(32).default(DEV_ONLY_SECRET),
    AUTH_TRUST_HOST: bool(true),
    /** Auth.js's own: the site's public URL, when the forwarded headers are not to be trusted. */
    AUTH_URL: z.string().url().optional(),
    /** The same, by its next-auth v4 name (Auth.js still reads it). */
    NEXTAUTH_URL: z.string().url().optional(),
    /** base64 of 32 random bytes: the AES-256-GCM key for secrets at rest */
    MEETBRIDGE_ENCRYPTION_KEY: isProd
      ? z
          .string()
          .refine((v) => Buffer.from(v, "base64").length === 32, "must be base64 of 32 bytes")
      : z
          .string()
          .refine((v) => Buffer.from(v, "base64").length === 32, "must be base64 of 32 bytes")
          .default(DEV_ONLY_KEY),
    WECOM_HTTP_TIMEOUT_MS: int(10_000),
    /**
     * Comma-separated WeCom API base URLs an app may use besides WeCom's official
     * https://qyapi.weixin.qq.com/cgi-bin/ (the simulator for the demo and the tests).
     */
    MEETBRIDGE_WECOM_BASE_URLS: z
      .string()
      .refine(
        (v) =>
          v.split(",").every((entry) => {
            try {
              return /^https?:$/.test(new URL(entry.trim()).protocol);
            } catch {
              return false;
            }
          }),
        "MEETBRIDGE_WECOM_BASE_URLS must be a comma-separated list of http(s) URLs",
      )
      .optional(),
    /** A booking whose WeCom answer was lost is looked up again after this many seconds. */
    MEETBRIDGE_RECONCILE_GRACE_SECONDS: int(60),
    /** Background jobs (reconcile sweep) in this instance; several instances share one run per interval. */
    MEETBRIDGE_JOBS: bool(true),
    /**
     * Worker processes `npm run start` runs on this machine, sharing its port (each one
     * a `next start`): a number, or `auto` for one per CPU core (lib/server/cluster.ts).
     */
    MEETBRIDGE_WORKERS: z
      .union([z.literal("auto"), z.coerce.number().int().min(1).max(64)])
      .default(1),
    /** Seconds between two runs of the background jobs. */
    MEETBRIDGE_JOBS_INTERVAL_SECONDS: int(30),
    /** Seconds between two reads of each booked or ongoing meeting from WeCom (the periodic sync). */
    MEETBRIDGE_SYNC_INTERVAL_SECONDS: int(300),
    /** At most this many meetings read from WeCom per sync run, nearest to now first. */
    MEETBRIDGE_SYNC_BATCH: int(200),
    /**
     * MeetBridge's address as WeCom reaches it (https://meet.example.com), for the callback
     * URLs the settings show; unset = the address the admin's browser used.
     */
    MEETBRIDGE_PUBLIC_URL: z.url().optional(),
    WECOM_SIM_HOST: z.string().default("127.0.0.1"),
    WECOM_SIM_PORT: int(3100),
    /** Lifetime of simulator access tokens, seconds (WeCom: 7200). */
    WECOM_SIM_TOKEN_TTL: int(7200),
    /** Delay added to every simulator /cgi-bin/ answer, ms (0 = none; POST /__sim/latency changes it). */
    WECOM_SIM_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    /** A JSON file keeping the simulator's meetings across restarts; unset = memory only. */
    WECOM_SIM_STATE_FILE: z.string().optional(),
    /** Seconds between two suite_ticket pushes of the simulator to each suite's callback (WeCom: 600). */
    WECOM_SIM_SUITE_TICKET_INTERVAL_SECONDS: int(600),
    DEMO_EMAIL: z.email().default("demo@meetbridge.local"),
    DEMO_PASSWORD: z.string().min(8).default("meetbridge-demo"),
    /** Failed sign-ins from one client address per window before it is refused for the rest of it. */
    LOGIN_MAX_FAILURES_PER_IP: int(50),
    /** The sign-in window: failures older than this are forgotten. */
    LOGIN_WINDOW_SECONDS: int(900),
    /** HTTP API requests each API key may make per minute (over it: 429 with Retry-After). */
    MEETBRIDGE_API_RATE_LIMIT_PER_MINUTE: int(600),
    /** Proxies in front of MeetBridge that append to X-Forwarded-For; 0 = trust no such header. */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** pino level of the server log (JSON lines in production, readable lines in development). */
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default(process.env.NODE_ENV === "test" ? "silent" : "info"),
    /** Bearer token for GET /api/metrics (Prometheus); unset = no metrics endpoint (404). */
    MEETBRIDGE_METRICS_TOKEN: z.string().min(16).optional(),
    /** Days a WeCom call log row (报文) is kept. */
    MEETBRIDGE_RETENTION_CALL_LOG_DAYS: int(90),
    /** Days a received WeCom callback event is kept. */
    MEETBRIDGE_RETENTION_CALLBACK_DAYS: int(30),
    /** Days an HTTP API call's audit row (api.call) is kept; meeting audit events are kept for good. */
    MEETBRIDGE_RETENTION_API_CALL_DAYS: int(90),
    /**
     * Set by `npm run start` (and the demo): Next.js leaves SIGTERM to MeetBridge, which
     * stops its jobs and lets requests and job steps finish first (lib/observability/shutdown.ts).
     */
    NEXT_MANUAL_SIG_HANDLE: bool(false),
    /** On SIGTERM: seconds running requests and job steps get to finish before the process exits. */
    MEETBRIDGE_SHUTDOWN_TIMEOUT_SECONDS: int(25),
    /** `next build` type-checks (false: skipped; the demo builds a tree `npm test` has checked). */
    MEETBRIDGE_BUILD_TYPECHECK: bool(true),
    /** Tests only: a PostgreSQL server URL; each run creates and drops its own databases there. */
    TEST_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "TEST_DATABASE_URL must start with postgresql://")
      .optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});
