// A series' rule in words ("每周，至 2027年1月25日"), for the meeting page's recurrence card
// and the list's recurrence marker. Server-side: the translators come from next-intl's
// getTranslations, so the list's client bundle carries no booking messages for it.
import "server-only";
import type { getFormatter, getTranslations } from "next-intl/server";
import type { ListSeries } from "@/lib/meetings/list-series";

type SeriesInput = ListSeries["rule"];

type MeetingT = Awaited<ReturnType<typeof getTranslations<"meeting">>>;
type BookingT = Awaited<ReturnType<typeof getTranslations<"booking">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

export function seriesWords(
  series: SeriesInput,
  t: MeetingT,
  tb: BookingT,
  format: Format,
  timeZone: string,
): string {
  const { repeatType: type, repeatInterval: interval, untilSec } = series;
  const until =
    series.count !== undefined
      ? t("untilCount", { count: series.count })
      : untilSec !== undefined
        ? t("untilDate", {
            date: format.dateTime(untilSec * 1000, { dateStyle: "long", timeZone }),
          })
        : t("untilOpen");
  // Custom recurrence names its chosen weekdays or days of the month.
  const days = series.daysOfWeek?.length
    ? series.daysOfWeek.map((d) => tb(`weekdays.${d}` as never)).join("、")
    : series.daysOfMonth?.length
      ? t("monthDays", { days: series.daysOfMonth.join("、") })
      : undefined;
  return days !== undefined
    ? t("seriesCustom", {
        interval: tb(`repeatIntervals.${interval ?? 1}` as never),
        monthly: interval === undefined ? "yes" : "no",
        days,
        until,
      })
    : interval !== undefined
      ? t("seriesWeekly", { interval: tb(`repeatIntervals.${interval}` as never), until })
      : t("series", { type: tb(`repeatTypes.${type}` as never), until });
}
