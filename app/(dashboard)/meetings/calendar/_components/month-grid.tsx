import type { CalendarOccurrence } from "@/lib/meetings/calendar";
import { cn } from "@/lib/utils/cn";
import { CalendarEntry, type EntryLabels } from "./calendar-entry";
import { civil, clock, dayLabel, type Formatter } from "./calendar-format";

/** The month as whole weeks, each day with its occurrences' start and title. */
export function MonthGrid({
  days,
  month,
  today,
  byDay,
  timeZone,
  format,
  labels,
}: {
  days: string[];
  /** "YYYY-MM": days outside it are muted. */
  month: string;
  today: string;
  byDay: Map<string, CalendarOccurrence[]>;
  timeZone: string;
  format: Formatter;
  labels: EntryLabels;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border bg-background">
      <div className="grid min-w-[720px] grid-cols-7" data-testid="calendar-month">
        {days.slice(0, 7).map((day) => (
          <div
            key={`h-${day}`}
            className="border-b px-2 py-1.5 text-center text-xs font-medium text-muted-foreground"
          >
            {format.dateTime(civil(day), { weekday: "short", timeZone: "UTC" })}
          </div>
        ))}
        {days.map((day, i) => {
          const outside = day.slice(0, 7) !== month;
          return (
            <section
              key={day}
              aria-label={dayLabel(format, day)}
              data-day={day}
              className={cn(
                "flex min-h-28 flex-col gap-1 border-b p-1.5",
                i % 7 !== 6 && "border-r",
                outside && "bg-muted/40",
              )}
            >
              <div
                className={cn(
                  "self-end rounded-full px-1.5 text-xs tabular-nums",
                  day === today
                    ? "bg-primary font-semibold text-primary-foreground"
                    : outside
                      ? "text-muted-foreground"
                      : "",
                )}
              >
                {Number(day.slice(8))}
              </div>
              {(byDay.get(day) ?? []).map((o) => (
                <CalendarEntry
                  key={`${o.meetingId}-${o.startSec}`}
                  o={o}
                  time={clock(format, o.startSec, timeZone)}
                  labels={labels}
                />
              ))}
            </section>
          );
        })}
      </div>
    </div>
  );
}
