"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { cancelMeetingAction, cancelMeetingsAction } from "@/lib/actions/cancel-meeting";
import { cancelOccurrenceAction } from "@/lib/actions/occurrences";
import { CANCEL_REASON_MAX } from "@/lib/schemas/cancel-reason";

/** Small chunks so that the dialog can show progress on a long bulk cancel. */
const CHUNK = 10;

export interface CancelTarget {
  id: string;
  title: string;
  /** A series (cancelled from its row): what "the whole series" takes, and "this one". */
  series?: {
    /** Occurrences not yet over and not cancelled one by one. */
    remaining: number;
    /** The occurrence the row shows, if booked; its sub_meetingid when WeCom listed it. */
    occurrence: { subMeetingId: string | null; when: string } | null;
  };
}
interface Outcome {
  id: string;
  title: string;
  ok: boolean;
  message: string;
}

export function CancelDialog({
  targets,
  onClose,
}: {
  /** Null: closed. */
  targets: CancelTarget[] | null;
  onClose: (cancelled: boolean) => void;
}) {
  const t = useTranslations("meetings.list");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const open = targets !== null;
  const list = targets ?? [];

  const close = () => {
    const done = outcomes !== null;
    setReason("");
    setProgress(null);
    setOutcomes(null);
    onClose(done);
  };

  // One meeting (a row's action): the answer is a toast and the row, refreshed in place,
  // shows its new status; the result list is for a bulk cancel.
  const runOne = async (m: CancelTarget) => {
    setProgress(0);
    let res: Awaited<ReturnType<typeof cancelMeetingAction>> | undefined;
    try {
      res = await cancelMeetingAction(m.id, reason);
    } catch {
      res = undefined;
    }
    if (res?.ok)
      toast.success(
        t(res.reconciled ? "cancelToast.reconciled" : "cancelToast.ok", { title: m.title }),
      );
    else toast.error(t("cancelToast.failed", { title: m.title, reason: res?.formError ?? "—" }));
    setReason("");
    setProgress(null);
    onClose(Boolean(res?.ok));
    router.refresh();
  };

  // One occurrence of a series, through the meeting page's path (cancel-occurrence.ts).
  const runOccurrence = async (m: CancelTarget, subMeetingId: string, when: string) => {
    setProgress(0);
    let res: Awaited<ReturnType<typeof cancelOccurrenceAction>> | undefined;
    try {
      res = await cancelOccurrenceAction(m.id, subMeetingId, reason);
    } catch {
      res = undefined;
    }
    if (res?.ok) toast.success(t("cancelToast.occurrence", { title: m.title, when }));
    else toast.error(t("cancelToast.failed", { title: m.title, reason: res?.formError ?? "—" }));
    setReason("");
    setProgress(null);
    onClose(Boolean(res?.ok));
    router.refresh();
  };

  const run = async () => {
    if (list.length === 1) return runOne(list[0]!);
    const titles = new Map(list.map((m) => [m.id, m.title]));
    const results: Outcome[] = [];
    setProgress(0);
    for (let i = 0; i < list.length; i += CHUNK) {
      const ids = list.slice(i, i + CHUNK).map((m) => m.id);
      let res: Awaited<ReturnType<typeof cancelMeetingsAction>> | undefined;
      try {
        res = await cancelMeetingsAction(ids, reason);
      } catch {
        res = undefined;
      }
      if (res?.ok) {
        for (const { meetingId, result } of res.results)
          results.push({
            id: meetingId,
            title: titles.get(meetingId) ?? meetingId,
            ok: result.ok,
            message: result.ok ? t("bulk.ok") : result.formError,
          });
      } else {
        // The whole chunk was refused (or the request failed): report each meeting.
        for (const id of ids)
          results.push({
            id,
            title: titles.get(id) ?? id,
            ok: false,
            message: res?.formError ?? "—",
          });
      }
      setProgress(Math.min(i + CHUNK, list.length));
    }
    setOutcomes(results);
    setProgress(null);
    router.refresh();
  };

  const running = progress !== null;
  const okCount = outcomes?.filter((o) => o.ok).length ?? 0;
  const series = list.length === 1 ? list[0]!.series : undefined;
  const occurrence = series?.occurrence;

  return (
    <AlertDialog open={open} onOpenChange={(o) => !o && !running && close()}>
      <AlertDialogContent data-testid="cancel-dialog">
        <AlertDialogHeader>
          <AlertDialogTitle>
            {outcomes
              ? t("bulk.resultTitle", { ok: okCount, failed: outcomes.length - okCount })
              : list.length === 1
                ? t("cancelDialog.title", { title: list[0]!.title })
                : t("cancelDialog.bulkTitle", { count: list.length })}
          </AlertDialogTitle>
          {outcomes ? null : series ? (
            <AlertDialogDescription asChild>
              <div className="space-y-1">
                <p>
                  {series.remaining > 0
                    ? t("cancelDialog.seriesDescription", { count: series.remaining })
                    : t("cancelDialog.seriesNoneLeft")}
                </p>
                {occurrence ? (
                  <p>
                    {occurrence.subMeetingId
                      ? t("cancelDialog.oneOccurrence", { when: occurrence.when })
                      : t("cancelDialog.oneNotListed", { when: occurrence.when })}
                  </p>
                ) : null}
              </div>
            </AlertDialogDescription>
          ) : (
            <AlertDialogDescription>{t("cancelDialog.description")}</AlertDialogDescription>
          )}
        </AlertDialogHeader>
        {outcomes ? (
          <ul className="max-h-72 space-y-1 overflow-y-auto text-sm" data-testid="cancel-results">
            {outcomes.map((o) => (
              <li key={o.id} data-ok={o.ok} className="flex gap-2">
                <span className="font-medium">{o.title}</span>
                <span className={o.ok ? "text-muted-foreground" : "text-destructive"}>
                  {o.message}
                </span>
              </li>
            ))}
          </ul>
        ) : running && list.length === 1 ? (
          <p role="status" className="text-sm">
            {t("cancelDialog.cancelling")}
          </p>
        ) : running ? (
          <div role="status" className="space-y-2 text-sm">
            <p>{t("bulk.progress", { done: progress, total: list.length })}</p>
            <progress className="w-full" value={progress} max={list.length} />
          </div>
        ) : (
          <label className="space-y-1 text-sm">
            <span>{t("cancelDialog.reason")}</span>
            <Textarea
              value={reason}
              maxLength={CANCEL_REASON_MAX}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
        )}
        <AlertDialogFooter>
          {outcomes ? (
            <Button onClick={close}>{t("bulk.dismiss")}</Button>
          ) : (
            <>
              <AlertDialogCancel disabled={running}>{t("cancelDialog.back")}</AlertDialogCancel>
              {occurrence?.subMeetingId ? (
                <Button
                  variant="outline"
                  disabled={running}
                  onClick={() =>
                    void runOccurrence(list[0]!, occurrence.subMeetingId!, occurrence.when)
                  }
                >
                  {t("cancelDialog.cancelOne")}
                </Button>
              ) : null}
              <Button variant="destructive" disabled={running} onClick={() => void run()}>
                {t(series ? "cancelDialog.cancelSeries" : "cancelDialog.confirm")}
              </Button>
            </>
          )}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
