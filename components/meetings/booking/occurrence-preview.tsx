"use client";

// The first occurrences of a series, as WeCom will hold them: loaded only when a person
// turns a meeting into a series.
import { useFormatter, useTranslations } from "next-intl";
import { REPEAT_TYPES, occurrenceStarts } from "@/lib/schemas/booking-rules";
import { repeatUntilSec, type BookingValues } from "@/lib/schemas/booking-values";
import { parseWallClock } from "@/lib/schemas/wall-clock";

export default function OccurrencePreview({
  values,
  timeZone,
}: {
  values: BookingValues;
  timeZone: string;
}) {
  const t = useTranslations("booking");
  const format = useFormatter();
  const startSec = parseWallClock(values.start, timeZone);
  if (startSec === undefined) return null;
  const untilSec = values.repeatUntil ? repeatUntilSec(values, timeZone) : undefined;
  const starts = occurrenceStarts(
    {
      startSec,
      untilSec,
      repeatType: values.repeatType,
      repeatInterval: values.repeatType === REPEAT_TYPES.weekly ? values.repeatInterval : undefined,
      timeZone,
    },
    5,
  );
  return (
    <div className="text-sm text-muted-foreground" data-testid="occurrence-preview">
      {t("preview")}
      <ul className="mt-1 list-inside list-disc">
        {starts.map((s) => (
          <li key={s}>
            {format.dateTime(s * 1000, { dateStyle: "full", timeStyle: "short", timeZone })}
          </li>
        ))}
      </ul>
    </div>
  );
}
