import { getFormatter, getTranslations } from "next-intl/server";
import { seriesWords } from "@/components/meetings/series-words";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { seriesCapOf, seriesOfMeeting } from "@/lib/meetings/series";
import { countOccurrences, occurrenceStarts } from "@/lib/wecom/rules";

const SHOWN = 10;

/** The recurrence in words, with its occurrences, and the reminders. */
export async function RecurrenceCard({
  meeting: m,
  timeZone,
}: {
  meeting: {
    startAt: Date;
    isRepeat: boolean;
    repeatType: number | null;
    repeatInterval: number | null;
    repeatUntil: Date | null;
    remindBefore: unknown;
    settings: unknown;
  };
  timeZone: string;
}) {
  const [t, tb, tc, format] = await Promise.all([
    getTranslations("meeting"),
    getTranslations("booking"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const reminders = ((m.remindBefore as number[] | null) ?? []).map((s) =>
    tb(`remindBefores.${s}` as never),
  );
  const series = seriesOfMeeting(m, timeZone);
  const { untilSec } = series;
  const cap = seriesCapOf(series);
  const total = m.isRepeat
    ? Math.min(
        series.count ?? (untilSec === undefined ? cap : countOccurrences({ ...series, untilSec })),
        cap,
      )
    : 1;
  const starts = m.isRepeat ? occurrenceStarts(series, Math.min(SHOWN, cap)) : [];
  const words = m.isRepeat ? seriesWords(series, t, tb, format, timeZone) : t("oneOff");

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{t("recurrence")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <p data-testid="recurrence-words">{words}</p>
        {m.isRepeat ? (
          <div>
            <p className="text-muted-foreground">
              {t("occurrenceList", { count: total, shown: starts.length })}
            </p>
            <ol className="mt-1 list-inside list-decimal" data-testid="occurrences">
              {starts.map((s) => (
                <li key={s}>
                  {format.dateTime(s * 1000, { dateStyle: "full", timeStyle: "short", timeZone })}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        <p>
          <span className="text-muted-foreground">
            {t("reminders")}
            {tc("colon")}
          </span>
          {reminders.length ? reminders.join("、") : t("none")}
        </p>
      </CardContent>
    </Card>
  );
}
