import { Plus, Video } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { seriesWords } from "@/components/meetings/series-words";
import { PageHeader } from "@/components/shell/page-header";
import { ClientMessages } from "@/components/providers/client-messages";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { canManageMeeting } from "@/lib/auth/permissions";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { listMeetings } from "@/lib/meetings/list-meetings";
import {
  hasNarrowingFilters,
  meetingFiltersToSearch,
  parseMeetingFilters,
} from "@/lib/schemas/meeting-filters";
import { FiltersBar } from "./_components/filters-bar";
import { MeetingsTable } from "./_components/meetings-table";

export const generateMetadata = pageTitle("meetings");

export default async function MeetingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantContext("meeting:read");
  const filters = parseMeetingFilters(await searchParams);
  const [t, tb, tm, tbook, format, list, apps, accounts] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("batches"),
    getTranslations("meeting"),
    getTranslations("booking"),
    getFormatter(),
    listMeetings(ctx.db, ctx.tenant.timeZone, filters, { userId: ctx.user.id }),
    ctx.db.app.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ctx.db.oaAccount.findMany({
      where: { mappings: { some: {} } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 1000,
    }),
  ]);
  // A booker who may manage only their own meetings is told, on the others, who may.
  const ownOnly = ctx.can("meeting:manage-own") && !ctx.can("meeting:manage-any");
  const rows = list.rows.map((r) => ({
    ...r,
    mayManage: canManageMeeting(ctx.role, ctx.user.id, r),
    // The rule in words is made here, so the page's client bundle needs no booking words.
    ruleWords: r.series ? seriesWords(r.series.rule, tm, tbook, format, ctx.tenant.timeZone) : null,
  }));
  const narrowed = hasNarrowingFilters(filters);
  const search = meetingFiltersToSearch({ ...filters, page: 1 });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button asChild variant="outline">
              <a href={`/meetings/export${search ? `?${search}` : ""}`} download>
                {t("list.exportCsv")}
              </a>
            </Button>
            {ctx.can("meeting:book") ? (
              <Button asChild variant="outline">
                <Link href="/meetings/batch">{tb("open")}</Link>
              </Button>
            ) : null}
            {ctx.can("meeting:book") ? (
              <Button asChild>
                <Link href="/meetings/new">
                  <Plus className="size-4" aria-hidden />
                  {t("book")}
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <ClientMessages namespaces={["meetings", "occurrences"]}>
        {list.total === 0 && !narrowed ? (
          <EmptyState
            icon={<Video />}
            title={t("empty.title")}
            description={t("empty.description")}
          />
        ) : (
          <div className="space-y-4">
            <FiltersBar
              filters={filters}
              apps={apps}
              accounts={accounts}
              canBook={ctx.can("meeting:book")}
            />
            {list.total === 0 ? (
              <EmptyState
                icon={<Video />}
                title={t("list.noMatch.title")}
                description={t("list.noMatch.description")}
              />
            ) : (
              <MeetingsTable
                rows={rows}
                filters={filters}
                total={list.total}
                page={list.page}
                pageCount={list.pageCount}
                timeZone={ctx.tenant.timeZone}
                canBook={ctx.can("meeting:book")}
                ownOnly={ownOnly}
              />
            )}
          </div>
        )}
      </ClientMessages>
    </>
  );
}
