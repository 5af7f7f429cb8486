"use client";

import { ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { useVerifyRun, VERIFY_START } from "./use-verify-run";
import { VerifyProgress } from "./verify-progress";

/**
 * Verifies mappings against WeCom (every one of the tenant's, or one account's), showing
 * the progress; stop and resume keep the place.
 */
export function VerifyDialog({ accountId, label }: { accountId?: string; label?: string }) {
  const t = useTranslations("accountsAdmin.verify");
  const { run, go, stop, reset } = useVerifyRun({ accountId });

  return (
    <Dialog
      onOpenChange={(open) => {
        if (!open && run.phase !== "running") reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <ShieldCheck className="size-4" aria-hidden />
          {label ?? t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="verify-dialog">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <VerifyProgress run={run} />
        <DialogFooter>
          {run.phase === "idle" ? (
            <Button onClick={() => void go(VERIFY_START)}>{t("start")}</Button>
          ) : run.phase === "running" ? (
            <Button variant="outline" onClick={stop}>
              {t("stop")}
            </Button>
          ) : run.phase === "stopped" || run.phase === "failed" ? (
            <Button onClick={() => void go(run)}>{t("resume")}</Button>
          ) : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
