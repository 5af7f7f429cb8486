"use client";

import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { VerifyRun } from "./use-verify-run";

/** A verification's progress bar, then what it found (or why it stopped). */
export function VerifyProgress({ run }: { run: VerifyRun }) {
  const t = useTranslations("accountsAdmin.verify");
  if (run.phase === "idle") return null;
  const percent = run.total ? Math.round((run.done / run.total) * 100) : 0;
  const summary = {
    ok: run.counts.ok,
    notFound: run.counts.not_found,
    outOfRange: run.counts.out_of_range,
  };
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label={t("progress")}
        aria-valuemin={0}
        aria-valuemax={run.total || 1}
        aria-valuenow={run.done}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm" aria-live="polite" data-testid="verify-progress">
        {run.phase === "done"
          ? run.total === 0
            ? t("none")
            : t("done", summary)
          : run.phase === "stopped"
            ? t("stopped", { done: run.done, total: run.total })
            : t("running", { done: run.done, total: run.total })}
      </p>
      {run.counts.skipped ? (
        <p className="text-sm text-muted-foreground">
          {t("skipped", { count: run.counts.skipped })}
        </p>
      ) : null}
      {run.phase === "failed" ? (
        <Alert variant="destructive">
          <AlertDescription>{t("failed", { error: run.error ?? "" })}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
