import Link from "next/link";
import { CALENDAR_VIEWS, type CalendarView } from "@/lib/meetings/calendar";
import { cn } from "@/lib/utils/cn";

export const calendarHref = (view: CalendarView, date: string) =>
  `/meetings/calendar?view=${view}&date=${date}`;

/** The agenda, week and month links, the one shown marked current. */
export function ViewSwitch({
  current,
  date,
  label,
  names,
  className,
}: {
  current: CalendarView;
  date: string;
  label: string;
  names: Record<CalendarView, string>;
  className?: string;
}) {
  return (
    <nav className={cn("inline-flex rounded-md border p-0.5", className)} aria-label={label}>
      {CALENDAR_VIEWS.map((v) => (
        <Link
          key={v}
          href={calendarHref(v, date)}
          aria-current={current === v ? "page" : undefined}
          className={cn(
            "rounded px-3 py-1 text-sm",
            current === v ? "bg-primary text-primary-foreground" : "hover:bg-accent",
          )}
        >
          {names[v]}
        </Link>
      ))}
    </nav>
  );
}
