import { Repeat } from "lucide-react";
import Link from "next/link";
import type { CSSProperties } from "react";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status-badge";
import type { CalendarOccurrence } from "@/lib/meetings/calendar";
import { cn } from "@/lib/utils/cn";

export interface EntryLabels {
  repeat: string;
  cancelled: string;
}

/**
 * One occurrence, a link to its meeting: stacked (time over title) in the month and the
 * week's time grid, a row with its status in the agenda.
 */
export function CalendarEntry({
  o,
  time,
  labels,
  layout = "stacked",
  className,
  style,
}: {
  o: CalendarOccurrence;
  time: string;
  labels: EntryLabels;
  layout?: "stacked" | "row";
  className?: string;
  style?: CSSProperties;
}) {
  const cancelled = o.status === "cancelled";
  const over = o.status === "ended" || o.status === "expired";
  const title = (
    <span
      className={cn(
        "font-medium",
        layout === "stacked" && "line-clamp-2",
        cancelled && "line-through",
      )}
    >
      {o.title}
    </span>
  );
  return (
    <Link
      href={`/meetings/${o.meetingId}`}
      data-testid="calendar-entry"
      data-status={o.status}
      title={`${time} ${o.title}`}
      style={style}
      className={cn(
        layout === "stacked"
          ? "block rounded border-l-2 bg-accent/60 px-1.5 py-1 text-xs hover:bg-accent"
          : "flex items-start gap-3 px-3 py-2.5 text-sm hover:bg-accent",
        // Cancelled and past entries are told apart by their border, strike-through and
        // muted text, never by fading the text below 4.5:1 (WCAG 1.4.3).
        layout === "stacked" &&
          (cancelled
            ? "border-muted-foreground/40 bg-muted/60 text-muted-foreground"
            : "border-primary"),
        layout === "stacked" && over && !cancelled && "bg-muted/60",
        layout === "row" && cancelled && "text-muted-foreground",
        className,
      )}
    >
      <span
        className={cn(
          "flex items-center gap-1 tabular-nums text-muted-foreground",
          layout === "row" && "w-24 shrink-0",
        )}
      >
        {time}
        {o.isRepeat ? <Repeat className="size-3" aria-label={labels.repeat} /> : null}
        {cancelled && layout === "stacked" ? (
          <span className="sr-only">{labels.cancelled}</span>
        ) : null}
      </span>
      {layout === "row" ? (
        <span className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1">
          {title}
          <MeetingStatusBadge status={o.status} />
        </span>
      ) : (
        title
      )}
    </Link>
  );
}
