"use client";

import { ShieldCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { checkAppAction } from "@/lib/actions/check-app";

export function CheckAppButton({ appId, appName }: { appId: string; appName: string }) {
  const t = useTranslations("settings.apps.check");
  const tr = useTranslations("rooms.access");
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const run = () =>
    startTransition(async () => {
      // sonner (11 kB gzip) loads with the first check, not with the page.
      const sonner = import("sonner");
      const response = await checkAppAction(appId);
      const { toast } = await sonner;
      if (!response.ok) {
        toast.error(t(response.error));
        return;
      }
      const { result } = response;
      if (result.error) toast.error(appName, { description: result.error });
      else if (result.permission === "granted")
        // One success toast: the rooms read ride along as its description.
        toast.success(t("granted", { app: appName }), {
          description:
            result.rooms.access === "granted"
              ? tr("checked", { app: appName, count: result.rooms.rooms })
              : undefined,
        });
      else toast.warning(t("incomplete", { app: appName }));
      if (result.rooms.access === "denied")
        toast.warning(tr("deniedToast", { app: appName }), {
          description: result.rooms.message ?? tr("howTo"),
        });
      if (result.callback === "unverified")
        toast.warning(t("callbackUnverified", { app: appName }));
      router.refresh();
    });

  return (
    <Button
      variant="outline"
      size="sm"
      onClick={run}
      disabled={pending}
      aria-label={t("button", { app: appName })}
    >
      {pending ? (
        <Spinner aria-label={t("running")} />
      ) : (
        <ShieldCheck className="size-4" aria-hidden />
      )}
      {t("label")}
    </Button>
  );
}
