"use client";

// The first occurrences of a series, as WeCom will hold them: loaded only when a person
// turns a meeting into a series.
import { useFormatter, useTranslations } from "next-intl";
import { occurrenceStarts } from "@/lib/schemas/booking-rules";
import { seriesOf, type BookingValues } from "@/lib/schemas/booking-values";

export default function OccurrencePreview({
  values,
  timeZone,
}: {
  values: BookingValues;
  timeZone: string;
}) {
  const t = useTranslations("booking");
  const format = useFormatter();
  // The same expansion as the count, the calendar and the simulator (custom days included).
  const series = seriesOf(values, timeZone);
  if (!series) return null;
  const starts = occurrenceStarts(series, 5);
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
