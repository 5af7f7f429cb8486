"use client";

import { DoorOpen } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { retryRoomAction } from "@/lib/actions/rooms";

/** Books the meeting's room again (book_by_meeting only; the meeting is not touched). */
export function RoomRetryButton({ meetingId }: { meetingId: string }) {
  const t = useTranslations("rooms.booking");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const r = await retryRoomAction(meetingId);
      if (!r.ok) toast.error(r.error);
      else if (r.room && !r.room.ok) toast.error(t("failed", { reason: r.room.reason }));
      else if (r.room?.ok) toast.success(t("bookedAgain"));
      router.refresh();
    });
  return (
    <Button variant="outline" size="sm" onClick={run} disabled={pending} data-testid="room-retry">
      {pending ? (
        <Spinner aria-label={t("retrying")} />
      ) : (
        <DoorOpen className="size-4" aria-hidden />
      )}
      {pending ? t("retrying") : t("retry")}
    </Button>
  );
}
