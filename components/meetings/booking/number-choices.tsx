"use client";

/** A group of checkboxes over numbers (minutes before, weekdays, days of the month), kept sorted. */
export function NumberChoices({
  id,
  values,
  chosen,
  onChange,
  label,
  className,
  describedBy,
}: {
  id: string;
  values: readonly number[];
  chosen: readonly number[];
  onChange: (next: number[]) => void;
  label: (value: number) => string;
  className?: string;
  /** The id of a line under the group that says what it does. */
  describedBy?: string;
}) {
  return (
    <div
      id={id}
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy}
      className={`flex flex-wrap gap-x-4 ${className ?? "gap-y-4"}`}
    >
      {values.map((v) => (
        <label key={v} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={chosen.includes(v)}
            onChange={(ev) =>
              onChange(
                ev.target.checked
                  ? [...chosen, v].sort((a, b) => a - b)
                  : chosen.filter((x) => x !== v),
              )
            }
          />
          {label(v)}
        </label>
      ))}
    </div>
  );
}
