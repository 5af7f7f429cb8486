"use client";

import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { type RefObject, useEffect, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { overlapsAction } from "@/lib/actions/booking-lookups";
import { pausableTimer } from "./pausable-timer";

type Overlaps = Awaited<ReturnType<typeof overlapsAction>>;

/** A warning, never a refusal: the people already have a meeting booked through MeetBridge then. */
export function OverlapWarning({
  accountIds,
  start,
  durationMin,
  timeZone,
  excludeId,
  paused,
}: {
  accountIds: string[];
  start: string;
  durationMin: number;
  timeZone: string;
  excludeId?: string;
  /** Set while the form is with the server or leaving: the question waits (pausableTimer). */
  paused?: RefObject<boolean>;
}) {
  const t = useTranslations("booking");
  const format = useFormatter();
  const ready =
    accountIds.length > 0 && start !== "" && Number.isFinite(durationMin) && durationMin > 0;
  const key = JSON.stringify([[...accountIds].sort(), start, durationMin, excludeId]);
  const [result, setResult] = useState<{ key: string; overlaps: Overlaps } | null>(null);
  useEffect(() => {
    if (!ready) return;
    // Asked once the person pauses; an answer for an older question is dropped.
    let current = true;
    const clear = pausableTimer(
      () =>
        void overlapsAction({ accountIds, start, durationMin, excludeId }).then((overlaps) => {
          if (current) setResult({ key, overlaps });
        }),
      400,
      paused,
    );
    return () => {
      current = false;
      clear();
    };
    // key stands for accountIds, start, durationMin and excludeId
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ready]);
  const data = result?.key === key ? result.overlaps : undefined;
  if (!ready || !data?.length) return null;
  return (
    <Alert data-testid="overlap-warning" className="border-amber-300 bg-amber-50 text-amber-900">
      <TriangleAlert />
      <AlertTitle>{t("overlapTitle")}</AlertTitle>
      <AlertDescription>
        <ul className="grid gap-1">
          {data.map((o) => (
            <li key={o.meetingId}>
              <Link href={`/meetings/${o.meetingId}`} className="underline" target="_blank">
                {t("overlapBody", {
                  people: o.people.join("、"),
                  title: o.title,
                  time: format.dateTime(new Date(o.startAt), {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone,
                  }),
                })}
              </Link>
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}
