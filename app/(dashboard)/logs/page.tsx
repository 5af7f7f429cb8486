import { ScrollText } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CallLogRow, toCallLogView } from "@/components/logs/call-log-row";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("logs");

const OPERATIONS = [
  "meeting/create",
  "meeting/update",
  "meeting/cancel",
  "meeting/get_info",
  "meeting/get_user_meetingid",
  "gettoken",
  "service/get_suite_token",
  "service/get_corp_token",
  "agent/get",
  "user/get",
  "oa/meetingroom/list",
  "oa/meetingroom/get_booking_info",
  "oa/meetingroom/book_by_meeting",
  "oa/meetingroom/cancel_book",
  // WeCom's callbacks to MeetBridge
  "callback.meeting_change",
  "callback.suite_ticket",
  "callback.verify_url",
] as const;

export default async function LogsPage({
  searchParams,
}: {
  searchParams: Promise<{ operation?: string }>;
}) {
  const ctx = await requireTenantContext("calllog:read");
  const { operation: wanted } = await searchParams;
  const operation = OPERATIONS.find((o) => o === wanted);
  const [t, format] = await Promise.all([getTranslations("logs"), getFormatter()]);
  // Bodies were redacted before they were written (lib/wecom/redact.ts).
  const entries = await ctx.db.callLog.findMany({
    where: operation ? { operation } : undefined,
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { app: { select: { name: true } } },
  });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <nav aria-label={t("filter")} className="mb-4 flex flex-wrap gap-2 text-sm">
        {[undefined, ...OPERATIONS].map((o) => (
          <Link
            key={o ?? "all"}
            href={o ? `/logs?operation=${encodeURIComponent(o)}` : "/logs"}
            aria-current={o === operation ? "page" : undefined}
            className="rounded-full border px-3 py-1 font-mono text-xs hover:bg-muted aria-[current=page]:border-primary aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground"
          >
            {o ?? t("all")}
          </Link>
        ))}
      </nav>
      {entries.length === 0 ? (
        <EmptyState
          icon={<ScrollText />}
          title={t("empty.title")}
          description={t("empty.description")}
        />
      ) : (
        <div className="divide-y rounded-lg border bg-background" data-testid="call-log">
          {entries.map((e) => (
            <CallLogRow
              key={e.id}
              entry={toCallLogView(
                e,
                format.dateTime(e.createdAt, {
                  dateStyle: "short",
                  timeStyle: "medium",
                  timeZone: ctx.tenant.timeZone,
                }),
              )}
            />
          ))}
        </div>
      )}
    </>
  );
}
