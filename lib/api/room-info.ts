// A meeting's room as the API answers it: which room, whether WeCom holds it, the days it
// was already taken, and why it is not booked (the meeting page's words).
import { describeRoomFailure } from "@/lib/rooms/room-messages";
import type { MeetingActor } from "@/lib/meetings/types";
import type { WecomFailure } from "@/lib/wecom";
import type { MeetingRoomInfo } from "./schemas";
import type { z } from "@hono/zod-openapi";

export async function meetingRoomInfo(
  actor: MeetingActor,
  m: {
    roomId: number | null;
    roomBookingId: string | null;
    roomConflicts: unknown;
    roomError: string | null;
    app: { name: string; corpRowId: string };
  },
): Promise<z.infer<typeof MeetingRoomInfo> | null> {
  if (m.roomId === null) return null;
  const room = await actor.db.meetingRoom.findFirst({
    where: { corpRowId: m.app.corpRowId, roomId: m.roomId },
    select: { name: true },
  });
  const reason =
    !m.roomBookingId && m.roomError
      ? describeRoomFailure(JSON.parse(m.roomError) as WecomFailure, actor.locale, m.app.name)
      : null;
  return {
    roomId: m.roomId,
    name: room?.name ?? null,
    booked: m.roomBookingId !== null,
    conflictDays: Array.isArray(m.roomConflicts) ? (m.roomConflicts as string[]) : [],
    error: reason
      ? actor.locale === "en"
        ? `Meeting booked, room not booked: ${reason}`
        : `会议已预约，会议室未预约：${reason}`
      : null,
  };
}
