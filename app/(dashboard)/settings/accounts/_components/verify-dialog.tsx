"use client";

import { ShieldCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
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
import { verifyMappingsAction } from "@/lib/actions/verify-mappings";

type Counts = { ok: number; not_found: number; out_of_range: number; skipped: number };
interface Run {
  phase: "idle" | "running" | "done" | "stopped" | "failed";
  done: number;
  total: number;
  counts: Counts;
  cursor: string | null;
  error?: string;
}
const START: Run = {
  phase: "idle",
  done: 0,
  total: 0,
  counts: { ok: 0, not_found: 0, out_of_range: 0, skipped: 0 },
  cursor: null,
};

/**
 * Verifies mappings against WeCom one batch per server action (50 mappings, 5 user/get
 * calls at a time on the server), showing the progress; stop and resume keep the place.
 */
export function VerifyDialog({ accountId, label }: { accountId?: string; label?: string }) {
  const t = useTranslations("accountsAdmin.verify");
  const router = useRouter();
  const [run, setRun] = useState<Run>(START);
  const stop = useRef(false);

  const go = async (from: Run) => {
    stop.current = false;
    let state: Run = { ...from, phase: "running", error: undefined };
    setRun(state);
    for (;;) {
      let r: Awaited<ReturnType<typeof verifyMappingsAction>>;
      try {
        r = await verifyMappingsAction({ cursor: state.cursor, accountId });
      } catch {
        setRun((state = { ...state, phase: "failed", error: undefined }));
        return;
      }
      if (!r.ok) {
        setRun({ ...state, phase: "failed", error: r.formError });
        return;
      }
      state = {
        ...state,
        total: r.total,
        done: state.done + r.processed,
        cursor: r.nextCursor,
        counts: {
          ok: state.counts.ok + r.counts.ok,
          not_found: state.counts.not_found + r.counts.not_found,
          out_of_range: state.counts.out_of_range + r.counts.out_of_range,
          skipped: state.counts.skipped + r.counts.skipped,
        },
      };
      if (r.error) {
        setRun({ ...state, phase: "failed", error: r.error });
        return;
      }
      if (r.done) {
        setRun({ ...state, phase: "done", done: r.total });
        router.refresh();
        return;
      }
      if (stop.current) {
        setRun({ ...state, phase: "stopped" });
        router.refresh();
        return;
      }
      setRun(state);
    }
  };

  const percent = run.total ? Math.round((run.done / run.total) * 100) : 0;
  const summary = {
    ok: run.counts.ok,
    notFound: run.counts.not_found,
    outOfRange: run.counts.out_of_range,
  };

  return (
    <Dialog
      onOpenChange={(open) => {
        if (!open && run.phase !== "running") setRun(START);
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
        {run.phase !== "idle" ? (
          <div className="space-y-2">
            <div
              role="progressbar"
              aria-label={t("progress")}
              aria-valuemin={0}
              aria-valuemax={run.total || 1}
              aria-valuenow={run.done}
              className="h-2 w-full overflow-hidden rounded-full bg-muted"
            >
              <div
                className="h-full bg-primary transition-[width]"
                style={{ width: `${percent}%` }}
              />
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
        ) : null}
        <DialogFooter>
          {run.phase === "idle" ? (
            <Button onClick={() => void go(START)}>{t("start")}</Button>
          ) : run.phase === "running" ? (
            <Button variant="outline" onClick={() => (stop.current = true)}>
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
