"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
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
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cancelOccurrenceAction, moveOccurrenceAction } from "@/lib/actions/occurrences";
import { CANCEL_REASON_MAX } from "@/lib/schemas/cancel-reason";

/** "取消这一次" and "改这一次的时间" for one booked occurrence, each behind a confirmation. */
export function OccurrenceActions(props: {
  meetingId: string;
  subMeetingId: string;
  title: string;
  /** The occurrence's start, formatted. */
  when: string;
  /** The occurrence's start as a wall clock, the move dialog's first value. */
  start: string;
  durationMin: number;
  canBook: boolean;
}) {
  const t = useTranslations("occurrences");
  const router = useRouter();
  const [mode, setMode] = useState<"cancel" | "move" | null>(null);
  const [reason, setReason] = useState("");
  const [start, setStart] = useState(props.start);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setMode(null);
    setReason("");
    setStart(props.start);
    setError(null);
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const res =
        mode === "move"
          ? await moveOccurrenceAction(props.meetingId, props.subMeetingId, {
              start,
              durationMin: props.durationMin,
              reason,
            })
          : await cancelOccurrenceAction(props.meetingId, props.subMeetingId, reason);
      if (!res.ok) {
        setError(res.formError);
        return;
      }
      close();
      router.refresh();
    } catch {
      setError(t("network"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" variant="outline" onClick={() => setMode("cancel")}>
        {t("cancelOne")}
      </Button>
      {props.canBook ? (
        <Button size="sm" variant="outline" onClick={() => setMode("move")}>
          {t("moveOne")}
        </Button>
      ) : null}
      <AlertDialog open={mode !== null} onOpenChange={(o) => !o && !busy && close()}>
        <AlertDialogContent data-testid="occurrence-dialog">
          <AlertDialogHeader>
            <AlertDialogTitle>
              {t(mode === "move" ? "moveTitle" : "cancelTitle", { when: props.when })}
            </AlertDialogTitle>
            <AlertDialogDescription>
              {t(mode === "move" ? "moveDescription" : "cancelDescription", {
                title: props.title,
              })}
            </AlertDialogDescription>
          </AlertDialogHeader>
          {mode === "move" ? (
            <label className="space-y-1 text-sm">
              <span>{t("newStart")}</span>
              <Input
                type="datetime-local"
                value={start}
                onChange={(e) => setStart(e.target.value)}
              />
            </label>
          ) : null}
          <label className="space-y-1 text-sm">
            <span>{t("reason")}</span>
            <Textarea
              value={reason}
              maxLength={CANCEL_REASON_MAX}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          {error ? (
            <p className="text-sm text-destructive" role="alert">
              {error}
            </p>
          ) : null}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={busy}>{t("back")}</AlertDialogCancel>
            <Button
              variant={mode === "move" ? "default" : "destructive"}
              disabled={busy}
              onClick={() => void run()}
            >
              {busy ? t("working") : t(mode === "move" ? "moveConfirm" : "cancelConfirm")}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
