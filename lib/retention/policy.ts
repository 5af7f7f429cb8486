// What is deleted after how long (issue 19): the WeCom call log (报文), received callback
// events, and the audit rows of HTTP API calls (action api.call). Meeting audit events and
// every other audit row are kept for good. Callback nonces are not here: the callbacks
// sweep drops them once their timestamp window has passed (lib/callbacks/sweep.ts).
import { env } from "@/lib/env.js";

export const RETAINED_KINDS = ["callLog", "callbackEvent", "apiCallAudit"] as const;
export type RetainedKind = (typeof RETAINED_KINDS)[number];

/** Days each kind is kept, from the env (defaults 90, 30, 90). */
export function retentionDays(): Record<RetainedKind, number> {
  return {
    callLog: env.MEETBRIDGE_RETENTION_CALL_LOG_DAYS,
    callbackEvent: env.MEETBRIDGE_RETENTION_CALLBACK_DAYS,
    apiCallAudit: env.MEETBRIDGE_RETENTION_API_CALL_DAYS,
  };
}

export const API_CALL_ACTION = "api.call";
