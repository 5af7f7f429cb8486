import { ChevronLeft, ChevronRight, Import, Repeat } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import {
  calendarRange,
  dayInZone,
  meetingsInRange,
  type CalendarOccurrence,
  type CalendarView,
} from "@/lib/meetings/calendar";
import { unixNow } from "@/lib/schemas/wall-clock";
import { cn } from "@/lib/utils/cn";

export const generateMetadata = pageTitle("calendar");

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const href = (view: CalendarView, date: string) => `/meetings/calendar?view=${view}&date=${date}`;
/** A "YYYY-MM-DD" as a Date to format in UTC (its noon, clear of any day boundary). */
const civil = (day: string) => new Date(`${day}T12:00:00Z`);

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantContext("meeting:read");
  const params = await searchParams;
  const timeZone = ctx.tenant.timeZone;
  const range = calendarRange(first(params.view), first(params.date), timeZone, unixNow());
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
  const heading =
    range.view === "week"
      ? format.dateTimeRange(civil(range.days[0]!), civil(range.days[6]!), {
          year: "numeric",
          month: "long",
          day: "numeric",
          timeZone: "UTC",
        })
      : format.dateTime(civil(range.date), { year: "numeric", month: "long", timeZone: "UTC" });
  const month = range.date.slice(0, 7);
  const isWeek = range.view === "week";

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
              aria-label={isWeek ? t("prevWeek") : t("prevMonth")}
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
              aria-label={isWeek ? t("nextWeek") : t("nextMonth")}
            >
              <ChevronRight className="size-4" aria-hidden />
            </Link>
          </Button>
          <h2 className="ml-2 text-lg font-semibold" data-testid="calendar-heading">
            {heading}
          </h2>
        </div>
        <nav className="inline-flex rounded-md border p-0.5" aria-label={t("title")}>
          {(["week", "month"] as const).map((v) => (
            <Link
              key={v}
              href={href(v, range.date)}
              aria-current={range.view === v ? "page" : undefined}
              className={cn(
                "rounded px-3 py-1 text-sm",
                range.view === v ? "bg-primary text-primary-foreground" : "hover:bg-accent",
              )}
            >
              {t(v)}
            </Link>
          ))}
        </nav>
      </div>
      <p className="mb-3 text-sm text-muted-foreground" data-testid="calendar-time-zone">
        {t("timeZone", { zone: timeZone })}
      </p>
      <div className="overflow-x-auto rounded-lg border bg-background">
        <div className="grid min-w-[720px] grid-cols-7" data-testid={`calendar-${range.view}`}>
          {range.days.slice(0, 7).map((day) => (
            <div
              key={`h-${day}`}
              className="border-b px-2 py-1.5 text-center text-xs font-medium text-muted-foreground"
            >
              {format.dateTime(civil(day), { weekday: "short", timeZone: "UTC" })}
            </div>
          ))}
          {range.days.map((day, i) => {
            const entries = byDay.get(day) ?? [];
            const outside = !isWeek && day.slice(0, 7) !== month;
            const label = format.dateTime(civil(day), {
              year: "numeric",
              month: "long",
              day: "numeric",
              weekday: "long",
              timeZone: "UTC",
            });
            return (
              <section
                key={day}
                aria-label={label}
                data-day={day}
                className={cn(
                  "flex flex-col gap-1 border-b p-1.5",
                  i % 7 !== 6 && "border-r",
                  isWeek ? "min-h-48" : "min-h-28",
                  outside && "bg-muted/40",
                )}
              >
                <div
                  className={cn(
                    "self-end rounded-full px-1.5 text-xs tabular-nums",
                    day === range.today
                      ? "bg-primary font-semibold text-primary-foreground"
                      : outside
                        ? "text-muted-foreground"
                        : "",
                  )}
                >
                  {isWeek
                    ? format.dateTime(civil(day), {
                        month: "numeric",
                        day: "numeric",
                        timeZone: "UTC",
                      })
                    : Number(day.slice(8))}
                </div>
                {entries.map((o) => (
                  <Entry
                    key={`${o.meetingId}-${o.startSec}`}
                    o={o}
                    time={format.dateTime(new Date(o.startSec * 1000), {
                      hour: "2-digit",
                      minute: "2-digit",
                      hourCycle: "h23",
                      timeZone,
                    })}
                    repeatLabel={t("repeat")}
                    cancelledLabel={t("cancelled")}
                  />
                ))}
              </section>
            );
          })}
        </div>
      </div>
      {occurrences.length === 0 ? (
        <p className="mt-4 text-center text-sm text-muted-foreground" data-testid="calendar-empty">
          {t("empty.title")} · {t("empty.description")}
        </p>
      ) : null}
    </>
  );
}

function Entry({
  o,
  time,
  repeatLabel,
  cancelledLabel,
}: {
  o: CalendarOccurrence;
  time: string;
  repeatLabel: string;
  cancelledLabel: string;
}) {
  const cancelled = o.status === "cancelled";
  const over = o.status === "ended" || o.status === "expired";
  return (
    <Link
      href={`/meetings/${o.meetingId}`}
      data-testid="calendar-entry"
      data-status={o.status}
      title={`${time} ${o.title}`}
      className={cn(
        "block rounded border-l-2 bg-accent/60 px-1.5 py-1 text-xs hover:bg-accent",
        // Cancelled and past entries are told apart by their border, strike-through and
        // muted text, never by fading the text below 4.5:1 (WCAG 1.4.3).
        cancelled
          ? "border-muted-foreground/40 bg-muted/60 text-muted-foreground"
          : "border-primary",
        over && !cancelled && "bg-muted/60",
      )}
    >
      <span className="flex items-center gap-1 tabular-nums text-muted-foreground">
        {time}
        {o.isRepeat ? <Repeat className="size-3" aria-label={repeatLabel} /> : null}
        {cancelled ? <span className="sr-only">{cancelledLabel}</span> : null}
      </span>
      <span className={cn("line-clamp-2 font-medium", cancelled && "line-through")}>{o.title}</span>
    </Link>
  );
}
