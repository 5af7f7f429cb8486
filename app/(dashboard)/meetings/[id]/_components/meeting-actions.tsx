"use client";

import { CalendarPlus, Pencil, RefreshCw, XCircle } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { cancelMeetingAction } from "@/lib/actions/cancel-meeting";
import { syncMeetingsNowAction } from "@/lib/actions/sync-meetings";

/** The meeting page's actions: edit, cancel (with a reason), sync now, book a copy. */
export function MeetingActions({
  meetingId,
  title,
  manageable,
  canBook,
  syncable,
}: {
  meetingId: string;
  title: string;
  /** Booked, confirmed by WeCom, and the person may manage it. */
  manageable: boolean;
  canBook: boolean;
  /** Known to WeCom: "sync now" has something to read. */
  syncable: boolean;
}) {
  const t = useTranslations("meeting.actions");
  const tf = useTranslations("sync.fields");
  const router = useRouter();
  const [syncing, startSync] = useTransition();
  const [cancelling, startCancel] = useTransition();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");

  const sync = () =>
    startSync(async () => {
      const r = await syncMeetingsNowAction(meetingId);
      if (!r.ok) toast.error(t("syncForbidden"));
      else if (r.message) toast.error(t("syncFailed", { reason: r.message }));
      else if (r.skipped) toast.info(t("syncSkipped"));
      else if (r.fields?.length)
        toast.success(
          t("syncChanged", {
            fields: r.fields.map((f) => (tf.has(f) ? tf(f) : f)).join("、"),
          }),
        );
      else toast.success(t("syncUnchanged"));
      router.refresh();
    });

  const cancel = () =>
    startCancel(async () => {
      const r = await cancelMeetingAction(meetingId, reason);
      if (r.ok) {
        toast.success(t(r.reconciled ? "cancelledReconciled" : "cancelled"));
        setOpen(false);
        setReason("");
      } else {
        toast.error(r.formError);
        setOpen(false);
      }
      router.refresh();
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {manageable ? (
        <>
          <Button asChild variant="outline" size="sm">
            <Link href={`/meetings/${meetingId}/edit`}>
              <Pencil className="size-4" aria-hidden />
              {t("edit")}
            </Link>
          </Button>
          <AlertDialog open={open} onOpenChange={(o) => !cancelling && setOpen(o)}>
            <AlertDialogTrigger asChild>
              <Button variant="destructive" size="sm">
                <XCircle className="size-4" aria-hidden />
                {t("cancel")}
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>{t("cancelTitle", { title })}</AlertDialogTitle>
                <AlertDialogDescription>{t("cancelBody")}</AlertDialogDescription>
              </AlertDialogHeader>
              <div className="grid gap-2">
                <Label htmlFor="cancel-reason">{t("cancelReason")}</Label>
                <Textarea
                  id="cancel-reason"
                  rows={2}
                  maxLength={200}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
              <AlertDialogFooter>
                <AlertDialogCancel disabled={cancelling}>{t("cancelBack")}</AlertDialogCancel>
                <Button variant="destructive" onClick={cancel} disabled={cancelling}>
                  {cancelling ? <Spinner aria-label={t("cancelling")} /> : null}
                  {cancelling ? t("cancelling") : t("cancelConfirm")}
                </Button>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
        </>
      ) : null}
      {syncable ? (
        <Button variant="outline" size="sm" onClick={sync} disabled={syncing}>
          {syncing ? (
            <Spinner aria-label={t("syncing")} />
          ) : (
            <RefreshCw className="size-4" aria-hidden />
          )}
          {syncing ? t("syncing") : t("syncNow")}
        </Button>
      ) : null}
      {canBook ? (
        // Its words wrap in a narrow column rather than overflow it.
        <Button asChild variant="outline" size="sm" className="h-auto min-h-8 whitespace-normal">
          <Link href={`/meetings/new?copy=${meetingId}`}>
            <CalendarPlus className="size-4" aria-hidden />
            {t("bookCopy")}
          </Link>
        </Button>
      ) : null}
    </div>
  );
}
