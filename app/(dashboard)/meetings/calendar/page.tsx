import { ChevronLeft, ChevronRight, Import } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import {
  CALENDAR_VIEWS,
  calendarRange,
  dayInZone,
  meetingsInRange,
  type CalendarOccurrence,
} from "@/lib/meetings/calendar";
import { unixNow } from "@/lib/schemas/wall-clock";
import { AgendaList } from "./_components/agenda-list";
import { civil } from "./_components/calendar-format";
import { MonthGrid } from "./_components/month-grid";
import { calendarHref as href, ViewSwitch } from "./_components/view-switch";
import { WeekGrid } from "./_components/week-grid";

export const generateMetadata = pageTitle("calendar");

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantContext("meeting:read");
  const params = await searchParams;
  const timeZone = ctx.tenant.timeZone;
  const asked = first(params.view);
  const range = calendarRange(asked, first(params.date), timeZone, unixNow());
  // No view asked for: the week's time grid on a wide screen, its agenda on a phone (both
  // from the one read, one of them hidden by CSS: the server does not know the screen).
  const byScreen = !CALENDAR_VIEWS.some((v) => v === asked);
  const [t, format, occurrences] = await Promise.all([
    getTranslations("calendar"),
    getFormatter(),
    meetingsInRange(ctx.db, timeZone, range.fromSec, range.toSec),
  ]);

  const byDay = new Map<string, CalendarOccurrence[]>();
  for (const o of occurrences) {
    const day = dayInZone(o.startSec, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), o]);
  }
  const isMonth = range.view === "month";
  const heading = isMonth
    ? format.dateTime(civil(range.date), { year: "numeric", month: "long", timeZone: "UTC" })
    : format.dateTimeRange(civil(range.days[0]!), civil(range.days[6]!), {
        year: "numeric",
        month: "long",
        day: "numeric",
        timeZone: "UTC",
      });
  const labels = {
    repeat: t("repeat"),
    cancelled: t("cancelled"),
    today: t("today"),
    noMeetings: t("noMeetings"),
  };
  const shared = { days: range.days, today: range.today, byDay, timeZone, format, labels };
  const switchProps = {
    date: range.date,
    label: t("views"),
    names: { agenda: t("agenda"), week: t("week"), month: t("month") },
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          ctx.can("meeting:manage-any") ? (
            <Button asChild variant="outline">
              <Link href="/meetings/adopt">
                <Import className="size-4" aria-hidden />
                {t("adopt")}
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <Button asChild variant="outline" size="icon">
            <Link
              href={href(range.view, range.prev)}
              aria-label={isMonth ? t("prevMonth") : t("prevWeek")}
            >
              <ChevronLeft className="size-4" aria-hidden />
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link href={href(range.view, range.today)}>{t("today")}</Link>
          </Button>
          <Button asChild variant="outline" size="icon">
            <Link
              href={href(range.view, range.next)}
              aria-label={isMonth ? t("nextMonth") : t("nextWeek")}
            >
              <ChevronRight className="size-4" aria-hidden />
            </Link>
          </Button>
          <h2 className="ml-2 text-lg font-semibold" data-testid="calendar-heading">
            {heading}
          </h2>
        </div>
        {byScreen ? (
          <>
            <ViewSwitch {...switchProps} current="agenda" className="md:hidden" />
            <ViewSwitch {...switchProps} current="week" className="max-md:hidden" />
          </>
        ) : (
          <ViewSwitch {...switchProps} current={range.view} />
        )}
      </div>
      <p className="mb-3 text-sm text-muted-foreground" data-testid="calendar-time-zone">
        {t("timeZone", { zone: timeZone })}
      </p>
      {byScreen ? (
        <>
          <div className="md:hidden">
            <AgendaList {...shared} />
          </div>
          <div className="max-md:hidden">
            <WeekGrid {...shared} />
          </div>
        </>
      ) : range.view === "agenda" ? (
        <AgendaList {...shared} />
      ) : range.view === "week" ? (
        <WeekGrid {...shared} />
      ) : (
        <MonthGrid {...shared} month={range.date.slice(0, 7)} />
      )}
      {occurrences.length === 0 ? (
        <p className="mt-4 text-center text-sm text-muted-foreground" data-testid="calendar-empty">
          {t("empty.title")} · {t("empty.description")}
        </p>
      ) : null}
    </>
  );
}
