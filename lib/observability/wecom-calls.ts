// Every WeCom call (each HTTP attempt) as a log line and a histogram sample, taken from
// the call log sink that lib/wecom/http.ts already writes each attempt to (redacted):
// wrapping the sink keeps the WeCom client free of logging and metrics.
import type { CallLogEntry, CallLogSink } from "@/lib/wecom/store/types";
import { logger } from "./logger";
import { metrics } from "./metrics";

/** The errcode label: WeCom's errcode, `http_<status>` for a non-2xx, `transport` for no answer. */
export function errcodeLabel(entry: CallLogEntry): string {
  if (entry.errcode !== null) return String(entry.errcode);
  if (entry.httpStatus !== null && (entry.httpStatus < 200 || entry.httpStatus >= 300))
    return `http_${entry.httpStatus}`;
  return entry.error ? "transport" : "none";
}

export function observedCallLog(sink: CallLogSink): CallLogSink {
  return {
    async write(entry) {
      const errcode = errcodeLabel(entry);
      metrics.wecomCallDuration.observe(
        { operation: entry.operation, errcode },
        entry.durationMs / 1000,
      );
      // Only what identifies the call: the URL and bodies stay in the call log (报文).
      logger.info(
        {
          tenantId: entry.tenantId,
          app: entry.appId,
          meetingId: entry.meetingId,
          operation: entry.operation,
          errcode,
          httpStatus: entry.httpStatus,
          attempt: entry.attempt,
          durationMs: entry.durationMs,
          error: entry.error ?? undefined,
        },
        "wecom call",
      );
      await sink.write(entry);
    },
  };
}
