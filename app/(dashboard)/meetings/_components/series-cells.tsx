"use client";
// A series in the meetings list: the recurrence marker by its title (the rule in words as
// its tooltip and, for screen readers, in its text) and the occurrence the row stands for
// in the start column (in the chosen dates, or the next one).

import { Repeat } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import type { MeetingListRow } from "@/lib/meetings/list-meetings";

export function SeriesMarker({ rule }: { rule: string }) {
  const t = useTranslations("meetings.list.series");
  return (
    <span
      className="inline-flex items-center gap-1 rounded-md border px-1.5 text-xs text-muted-foreground"
      title={rule}
      data-testid="series-marker"
    >
      <Repeat className="size-3" aria-hidden />
      <span aria-hidden>{t("marker")}</span>
      <span className="sr-only">{t("markerLabel", { rule })}</span>
    </span>
  );
}

export function StartCell({
  row,
  timeZone,
  ranged,
}: {
  row: MeetingListRow;
  timeZone: string;
  /** A date filter is set: a series shows its occurrence in it. */
  ranged: boolean;
}) {
  const t = useTranslations("meetings.list.series");
  const format = useFormatter();
  const shown = row.series?.shown;
  const when = format.dateTime(new Date((shown?.startAt ?? row.startAt) * 1000), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  if (!row.series) return when;
  return (
    <span className="flex flex-col" data-testid="series-start">
      <span>{when}</span>
      <span className="text-xs text-muted-foreground">
        {shown ? t(ranged ? "inRange" : "next") : t("first")}
      </span>
    </span>
  );
}
