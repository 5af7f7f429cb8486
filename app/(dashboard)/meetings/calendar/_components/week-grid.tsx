import { cn } from "@/lib/utils/cn";
import { CalendarEntry, type EntryLabels } from "./calendar-entry";
import { civil, clockRange, dayLabel, type WeekViewProps } from "./calendar-format";
import { hoursShown, MIN_DRAWN_MINUTES, placeDay } from "./time-grid-layout";

/** The height of an hour in the grid, in pixels. */
const HOUR_PX = 48;
const px = (minutes: number) => (minutes * HOUR_PX) / 60;

/**
 * The week as a time grid: hours down, days across. Each occurrence sits at its start,
 * as tall as it is long; overlapping ones share their day's width side by side.
 */
export function WeekGrid({
  days,
  today,
  byDay,
  timeZone,
  format,
  labels,
}: WeekViewProps<EntryLabels>) {
  const placed = days.map((day) => placeDay(byDay.get(day) ?? [], timeZone));
  const hours = hoursShown(placed);
  const height = px((hours.last - hours.first) * 60);
  const hourMarks = Array.from({ length: hours.last - hours.first }, (_, i) => hours.first + i);

  return (
    <div className="overflow-x-auto rounded-lg border bg-background">
      <div
        className="grid min-w-[720px] grid-cols-[3rem_repeat(7,minmax(0,1fr))]"
        data-testid="calendar-week"
      >
        <div className="border-b" />
        {days.map((day) => (
          <div
            key={`h-${day}`}
            className="border-b border-l px-1 py-1.5 text-center text-xs font-medium text-muted-foreground"
          >
            {format.dateTime(civil(day), { weekday: "short", timeZone: "UTC" })}{" "}
            <span
              className={cn(
                "rounded-full px-1.5 tabular-nums",
                day === today && "bg-primary font-semibold text-primary-foreground",
              )}
            >
              {format.dateTime(civil(day), { month: "numeric", day: "numeric", timeZone: "UTC" })}
            </span>
          </div>
        ))}
        <div className="relative" style={{ height }} aria-hidden>
          {hourMarks.map((h) => (
            <span
              key={h}
              data-hour={h}
              className="absolute right-1.5 text-[11px] leading-none text-muted-foreground tabular-nums"
              style={{ top: px((h - hours.first) * 60) + 2 }}
            >
              {`${String(h).padStart(2, "0")}:00`}
            </span>
          ))}
        </div>
        {days.map((day, i) => (
          <section
            key={day}
            aria-label={dayLabel(format, day)}
            data-day={day}
            className={cn("relative border-l", day === today && "bg-primary/5")}
            style={{
              height,
              // A line at each hour.
              backgroundImage: "linear-gradient(to bottom, var(--border) 1px, transparent 1px)",
              backgroundSize: `100% ${HOUR_PX}px`,
            }}
          >
            {placed[i]!.map((p) => (
              <CalendarEntry
                key={`${p.item.meetingId}-${p.item.startSec}`}
                o={p.item}
                time={clockRange(format, p.item, timeZone)}
                labels={labels}
                className="absolute overflow-hidden leading-tight"
                style={{
                  top: px(p.startMin - hours.first * 60),
                  height: px(Math.max(p.endMin - p.startMin, MIN_DRAWN_MINUTES)) - 1,
                  left: `calc(${(p.lane * 100) / p.lanes}% + 2px)`,
                  width: `calc(${100 / p.lanes}% - 4px)`,
                }}
              />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
