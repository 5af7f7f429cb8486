import { Plus, Video } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { getFormatter, getTranslations } from "next-intl/server";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCard } from "@/components/shell/table-card";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("meetings");

export default async function MeetingsPage() {
  const ctx = await requireTenantContext("meeting:read");
  const [t, format] = await Promise.all([getTranslations("meetings"), getFormatter()]);
  const meetings = await ctx.db.meeting.findMany({
    orderBy: { startAt: "desc" },
    take: 50,
    include: { app: { select: { name: true } }, admin: { select: { name: true } } },
  });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          ctx.can("meeting:book") ? (
            <Button asChild>
              <Link href="/meetings/new">
                <Plus className="size-4" aria-hidden />
                {t("book")}
              </Link>
            </Button>
          ) : null
        }
      />
      {meetings.length === 0 ? (
        <EmptyState
          icon={<Video />}
          title={t("empty.title")}
          description={t("empty.description")}
        />
      ) : (
        <TableCard>
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.title")}</TableHead>
              <TableHead>{t("columns.start")}</TableHead>
              <TableHead>{t("columns.duration")}</TableHead>
              <TableHead>{t("columns.admin")}</TableHead>
              <TableHead>{t("columns.app")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {meetings.map((m) => (
              <TableRow key={m.id}>
                <TableCell className="font-medium">
                  <Link href={`/meetings/${m.id}`} className="hover:underline">
                    {m.title}
                  </Link>
                </TableCell>
                <TableCell>
                  {format.dateTime(m.startAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: ctx.tenant.timeZone,
                  })}
                </TableCell>
                <TableCell>{t("minutes", { count: Math.round(m.durationSec / 60) })}</TableCell>
                <TableCell>{m.admin.name}</TableCell>
                <TableCell>{m.app.name}</TableCell>
                <TableCell>
                  <span className="inline-flex flex-wrap gap-1">
                    <MeetingStatusBadge status={m.status} />
                    {m.syncState === "needs_reconciliation" ? (
                      <Badge variant="destructive">{t("needsReconciliation")}</Badge>
                    ) : null}
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableCard>
      )}
    </>
  );
}
