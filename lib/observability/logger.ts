// The one server logger (pino), created once per process and kept on globalThis so a hot
// reload or a second import never opens a second one. JSON lines in production (one
// event per line, for the log shipper), readable lines in development. pino-pretty runs
// as a plain stream in this thread: pino's worker-thread transports die when bundled
// (docs/stack-notes.md), and both packages are serverExternalPackages anyway.
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { env } from "@/lib/env.js";

/**
 * Keys that hold a secret wherever they appear in a log object (top level and one level
 * down): pino replaces their values before the line is written. The WeCom client redacts
 * its own URLs and bodies by value (lib/wecom/redact.ts); this is the net under that.
 */
const SECRET_KEYS = [
  "password",
  "passwordHash",
  "secret",
  "corpsecret",
  "suiteSecret",
  "suite_secret",
  "suiteTicket",
  "suite_ticket",
  "permanentCode",
  "permanent_code",
  "token",
  "accessToken",
  "access_token",
  "authorization",
  "cookie",
  "apiKey",
  "encodingAesKey",
  "callbackToken",
  "tokenHash",
];
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`]).concat([
  'headers["set-cookie"]',
  'req.headers["set-cookie"]',
]);

export function createLogger(
  destination?: DestinationStream,
  opts: { level?: string; pretty?: boolean } = {},
): Logger {
  const options = {
    level: opts.level ?? env.LOG_LEVEL,
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  if (opts.pretty ?? env.NODE_ENV === "development")
    return pino(options, pretty({ colorize: true, sync: true, ignore: "pid" }));
  return pino(options);
}

const globalForLog = globalThis as unknown as { meetbridgeLogger?: Logger };

/** The process-wide logger. Route handlers and jobs log through it (or a child of it). */
export const logger: Logger = (globalForLog.meetbridgeLogger ??= createLogger());

/** A short text for an error in a log line, without its stack unless the level is debug. */
export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
