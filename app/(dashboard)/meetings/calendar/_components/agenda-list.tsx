import { cn } from "@/lib/utils/cn";
import { CalendarEntry, type EntryLabels } from "./calendar-entry";
import { clockRange, dayLabel, type WeekViewProps } from "./calendar-format";

/** The week as a list of days, each with its occurrences in order: the view for a phone. */
export function AgendaList({
  days,
  today,
  byDay,
  timeZone,
  format,
  labels,
}: WeekViewProps<EntryLabels & { today: string; noMeetings: string }>) {
  return (
    <div className="space-y-3" data-testid="calendar-agenda">
      {days.map((day) => {
        const entries = byDay.get(day) ?? [];
        const label = dayLabel(format, day);
        return (
          <section
            key={day}
            aria-label={label}
            data-day={day}
            className="overflow-hidden rounded-lg border bg-background"
          >
            <h3
              className={cn(
                "flex items-center gap-2 border-b bg-muted/40 px-3 py-2 text-sm font-medium",
                entries.length === 0 && "border-b-0",
              )}
            >
              {label}
              {day === today ? (
                <span className="rounded-full bg-primary px-2 text-xs text-primary-foreground">
                  {labels.today}
                </span>
              ) : null}
            </h3>
            {entries.length > 0 ? (
              <ul className="divide-y">
                {entries.map((o) => (
                  <li key={`${o.meetingId}-${o.startSec}`}>
                    <CalendarEntry
                      o={o}
                      time={clockRange(format, o, timeZone)}
                      labels={labels}
                      layout="row"
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="sr-only">{labels.noMeetings}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
