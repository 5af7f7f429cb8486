import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export interface CallLogEntryView {
  time: string;
  operation: string;
  appName: string;
  errcode: number | null;
  errmsg: string | null;
  error: string | null;
  durationMs: number;
  url: string;
  requestBody: string | null;
  responseBody: string | null;
  /** A callback WeCom made to MeetBridge (operation "callback.*"), not a call to WeCom. */
  inbound: boolean;
  httpStatus: number | null;
}

/** A CallLog row as read with its app's name: what both the call log and a meeting's 报文 show. */
export interface CallLogRecord {
  createdAt: Date;
  operation: string;
  app: { name: string } | null;
  errcode: number | null;
  errmsg: string | null;
  error: string | null;
  durationMs: number;
  url: string;
  requestBody: string | null;
  responseBody: string | null;
  httpStatus: number | null;
}

/** The row's view, its time already written in the reader's zone. */
export function toCallLogView(e: CallLogRecord, time: string): CallLogEntryView {
  return {
    time,
    operation: e.operation,
    appName: e.app?.name ?? "—",
    errcode: e.errcode,
    errmsg: e.errmsg,
    error: e.error,
    durationMs: e.durationMs,
    url: e.url,
    requestBody: e.requestBody,
    responseBody: e.responseBody,
    inbound: e.operation.startsWith("callback."),
    httpStatus: e.httpStatus,
  };
}

function pretty(body: string | null): string {
  if (!body) return "—";
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * One WeCom call (报文), or one callback WeCom made to MeetBridge: a summary line that
 * opens on the redacted request and response.
 */
export function CallLogRow({ entry }: { entry: CallLogEntryView }) {
  const t = useTranslations("logs");
  const failed = entry.inbound
    ? (entry.httpStatus ?? 200) >= 400
    : entry.error !== null || (entry.errcode !== null && entry.errcode !== 0);
  const status = entry.httpStatus ?? 200;
  const badge = entry.inbound
    ? t(failed ? "callbackRefused" : "callback", { status })
    : entry.error
      ? t("networkError")
      : `errcode ${entry.errcode ?? "—"}`;
  return (
    <details className="group px-4 py-3">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="w-40 shrink-0 font-mono text-xs text-muted-foreground">{entry.time}</span>
        <span className="w-56 shrink-0 font-mono">{entry.operation}</span>
        <span className="flex-1 truncate">{entry.appName}</span>
        <Badge variant={failed ? "destructive" : "success"}>{badge}</Badge>
        <span className="w-16 text-right font-mono text-xs text-muted-foreground">
          {entry.durationMs} ms
        </span>
      </summary>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <div>
          <div className="mb-1 text-xs font-medium text-muted-foreground">{t("request")}</div>
          <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs break-all whitespace-pre-wrap">{`${entry.url}\n\n${pretty(entry.requestBody)}`}</pre>
        </div>
        <div>
          <div className="mb-1 text-xs font-medium text-muted-foreground">{t("response")}</div>
          <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs break-all whitespace-pre-wrap">
            {entry.error ? entry.error : pretty(entry.responseBody)}
          </pre>
        </div>
      </div>
    </details>
  );
}
