import { cn } from "@/lib/utils/cn";

/** "12/40" under a field, red once over the limit. */
export function Counter({
  used,
  max,
  text,
  id,
}: {
  used: number;
  max: number;
  text: string;
  id?: string;
}) {
  return (
    <span
      id={id}
      aria-live="polite"
      className={cn(
        "text-xs tabular-nums",
        used > max ? "text-destructive" : "text-muted-foreground",
      )}
    >
      {text}
    </span>
  );
}
