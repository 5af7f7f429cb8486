"use client";

import { useTranslations } from "next-intl";
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

export interface ConfirmRequest {
  title: string;
  description: string;
  destructive?: boolean;
  /** The confirming button's words (default "确认"). */
  confirmLabel?: string;
  /** Runs the change; answers a message to show when it was refused. */
  run: () => Promise<string | null>;
}

/** A change confirmed here first (a member's role, revoking a key, …); a refusal stays in the dialog. */
export function ConfirmDialog({
  request,
  onClose,
}: {
  /** Null: closed. */
  request: ConfirmRequest | null;
  onClose: () => void;
}) {
  const t = useTranslations("dialogs");
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!request) return;
    setWorking(true);
    setError(null);
    let message: string | null;
    try {
      message = await request.run();
    } catch {
      message = t("network");
    }
    setWorking(false);
    if (message) setError(message);
    else close();
  };

  return (
    <AlertDialog open={request !== null} onOpenChange={(o) => !o && !working && close()}>
      <AlertDialogContent data-testid="confirm-dialog">
        <AlertDialogHeader>
          <AlertDialogTitle>{request?.title}</AlertDialogTitle>
          <AlertDialogDescription>{request?.description}</AlertDialogDescription>
        </AlertDialogHeader>
        {error ? (
          <p
            data-testid="confirm-error"
            aria-live="polite"
            className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive"
          >
            {error}
          </p>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={working}>{t("cancel")}</AlertDialogCancel>
          {error ? null : (
            <Button
              variant={request?.destructive ? "destructive" : "default"}
              disabled={working}
              onClick={() => void confirm()}
            >
              {working ? t("working") : (request?.confirmLabel ?? t("confirm"))}
            </Button>
          )}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
