"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { refreshRoomsAction } from "@/lib/actions/rooms";

/** Reads the corp's rooms from WeCom again (oa/meetingroom/list). */
export function RefreshRoomsButton({ appId }: { appId: string }) {
  const t = useTranslations("rooms.board");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const r = await refreshRoomsAction(appId);
      if (!r.ok) toast.error(r.error);
      else toast.success(t("refreshed", { count: r.rooms }));
      router.refresh();
    });
  return (
    <Button variant="outline" size="sm" onClick={run} disabled={pending}>
      {pending ? (
        <Spinner aria-label={t("refreshing")} />
      ) : (
        <RefreshCw className="size-4" aria-hidden />
      )}
      {pending ? t("refreshing") : t("refresh")}
    </Button>
  );
}
