"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { reconcileMeetingAction } from "@/lib/actions/reconcile-meeting";

export function ReconcileButton({ meetingId }: { meetingId: string }) {
  const t = useTranslations("meeting");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const r = await reconcileMeetingAction(meetingId);
      if (!r.ok) toast.error(r.error);
      else if (r.outcome === "adopted" || r.outcome === "rebooked" || r.outcome === "not_needed")
        toast.success(t(`reconcileOutcome.${r.outcome}`));
      else toast.warning(t(`reconcileOutcome.${r.outcome}`));
      router.refresh();
    });
  return (
    <Button variant="outline" size="sm" onClick={run} disabled={pending}>
      {pending ? (
        <Spinner aria-label={t("reconciling")} />
      ) : (
        <RefreshCw className="size-4" aria-hidden />
      )}
      {pending ? t("reconciling") : t("reconcileNow")}
    </Button>
  );
}
