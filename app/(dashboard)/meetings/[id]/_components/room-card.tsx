import { DoorOpen } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { describeRoomFailure } from "@/lib/rooms/room-messages";
import type { WecomFailure } from "@/lib/wecom";
import { RoomRetryButton } from "./room-retry-button";

interface MeetingRoomFacts {
  id: string;
  status: string;
  roomId: number | null;
  roomBookingId: string | null;
  roomConflicts: unknown;
  roomError: string | null;
  app: { name: string; corpRowId: string };
}

/**
 * The meeting's room: which, and the days it was already taken; or, when it could not
 * be booked, "会议已预约，会议室未预约：<reason>" with a retry.
 */
export async function MeetingRoomCard({
  db,
  meeting: m,
  mayManage,
}: {
  db: TenantDb;
  meeting: MeetingRoomFacts;
  mayManage: boolean;
}) {
  if (m.roomId === null) return null;
  const [t, tc, locale, room] = await Promise.all([
    getTranslations("rooms.booking"),
    getTranslations("common"),
    getLocale(),
    db.meetingRoom.findFirst({ where: { corpRowId: m.app.corpRowId, roomId: m.roomId } }),
  ]);
  const name = room ? `${room.name}（${room.building} ${room.floor}）` : `#${m.roomId}`;
  const conflicts = Array.isArray(m.roomConflicts) ? (m.roomConflicts as string[]) : [];
  if (!m.roomBookingId && m.roomError) {
    const reason = describeRoomFailure(
      JSON.parse(m.roomError) as WecomFailure,
      locale === "en" ? "en" : "zh-CN",
      m.app.name,
    );
    return (
      <Alert variant="destructive" data-testid="room-failed">
        <DoorOpen className="size-4" aria-hidden />
        <AlertTitle>{name}</AlertTitle>
        <AlertDescription className="grid gap-3">
          <p>{t("failed", { reason })}</p>
          {mayManage && m.status === "booked" ? (
            <div>
              <RoomRetryButton meetingId={m.id} />
            </div>
          ) : null}
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <Alert data-testid="meeting-room">
      <DoorOpen className="size-4" aria-hidden />
      <AlertTitle>
        {t("roomLabel")}
        {tc("colon")}
        {name}
      </AlertTitle>
      <AlertDescription className="grid gap-1">
        {m.roomBookingId ? null : <p>{t("none")}</p>}
        {!m.roomBookingId && mayManage && m.status === "booked" ? (
          <div>
            <RoomRetryButton meetingId={m.id} />
          </div>
        ) : null}
        {conflicts.length ? (
          <p data-testid="room-conflicts">{t("conflicts", { days: conflicts.join("、") })}</p>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}
