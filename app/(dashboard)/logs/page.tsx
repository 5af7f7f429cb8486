import { ScrollText } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { CallLogRow } from "@/components/logs/call-log-row";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("logs");

export default async function LogsPage() {
  const ctx = await requireTenantContext("calllog:read");
  const [t, format] = await Promise.all([getTranslations("logs"), getFormatter()]);
  // Bodies were redacted before they were written (lib/wecom/redact.ts).
  const entries = await ctx.db.callLog.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { app: { select: { name: true } } },
  });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
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
              entry={{
                time: format.dateTime(e.createdAt, {
                  dateStyle: "short",
                  timeStyle: "medium",
                  timeZone: ctx.tenant.timeZone,
                }),
                operation: e.operation,
                appName: e.app?.name ?? "—",
                errcode: e.errcode,
                errmsg: e.errmsg,
                error: e.error,
                durationMs: e.durationMs,
                url: e.url,
                requestBody: e.requestBody,
                responseBody: e.responseBody,
              }}
            />
          ))}
        </div>
      )}
    </>
  );
}
