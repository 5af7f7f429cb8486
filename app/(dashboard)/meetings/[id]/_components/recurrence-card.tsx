import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  REPEAT_TYPES,
  countOccurrences,
  maxOccurrences,
  occurrenceStarts,
} from "@/lib/wecom/rules";

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
  };
  timeZone: string;
}) {
  const [t, tb, format] = await Promise.all([
    getTranslations("meeting"),
    getTranslations("booking"),
    getFormatter(),
  ]);
  const reminders = ((m.remindBefore as number[] | null) ?? []).map((s) =>
    tb(`remindBefores.${s}` as never),
  );
  const startSec = Math.floor(m.startAt.getTime() / 1000);
  const type = m.repeatType ?? 0;
  const interval = type === REPEAT_TYPES.weekly ? (m.repeatInterval ?? 1) : undefined;
  const cap = maxOccurrences(type, interval);
  const untilSec = m.repeatUntil ? Math.floor(m.repeatUntil.getTime() / 1000) : undefined;
  const total = m.isRepeat
    ? Math.min(
        untilSec === undefined
          ? cap
          : countOccurrences({
              startSec,
              untilSec,
              repeatType: type,
              repeatInterval: interval,
              timeZone,
            }),
        cap,
      )
    : 1;
  const starts = m.isRepeat
    ? occurrenceStarts(
        { startSec, untilSec, repeatType: type, repeatInterval: interval, timeZone },
        Math.min(SHOWN, cap),
      )
    : [];
  const until = m.repeatUntil
    ? t("untilDate", { date: format.dateTime(m.repeatUntil, { dateStyle: "long", timeZone }) })
    : t("untilOpen");
  const words = !m.isRepeat
    ? t("oneOff")
    : interval !== undefined
      ? t("seriesWeekly", { interval: tb(`repeatIntervals.${interval}` as never), until })
      : t("series", { type: tb(`repeatTypes.${type}` as never), until });

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
          <span className="text-muted-foreground">{t("reminders")}：</span>
          {reminders.length ? reminders.join("、") : t("none")}
        </p>
      </CardContent>
    </Card>
  );
}
