"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { retryMeetingRoom, type RoomOutcome } from "@/lib/meetings";
import { webActor } from "@/lib/meetings/web-actor";
import { roomAvailability, type AvailabilityResult } from "@/lib/rooms/availability";
import { forgetDayBookings } from "@/lib/rooms/day-bookings";
import { syncRooms } from "@/lib/rooms/sync-rooms";
import { roomQuerySchema } from "@/lib/schemas/room";
import { parseWallClock } from "@/lib/schemas/wall-clock";
import { meetingAccess, mayManageMeetings } from "./meeting-access";

/** The room picker: the app's corp's rooms, free or taken for this start and duration. */
export async function roomAvailabilityAction(query: unknown): Promise<AvailabilityResult> {
  const ctx = await getTenantContext();
  if (!ctx || !ctx.can("meeting:book")) return { ok: false, reason: "forbidden" };
  const q = roomQuerySchema.safeParse(query);
  if (!q.success) return { ok: false, reason: "invalid" };
  const start = parseWallClock(q.data.start, ctx.tenant.timeZone);
  if (start === undefined) return { ok: false, reason: "invalid" };
  return roomAvailability(ctx.db, {
    appId: q.data.appId,
    start,
    end: start + q.data.durationMin * 60,
    timeZone: ctx.tenant.timeZone,
    locale: (await getLocale()) === "en" ? "en" : "zh-CN",
  });
}

/** The meeting page's retry: books the meeting's room again. */
export async function retryRoomAction(
  meetingId: unknown,
): Promise<
  { ok: false; error: "forbidden" | "not_found" } | { ok: true; room: RoomOutcome | null }
> {
  const ctx = await getTenantContext();
  if (!ctx || !mayManageMeetings(ctx)) return { ok: false, error: "forbidden" };
  const access = await meetingAccess(ctx, meetingId);
  if (!access.ok) return access;
  const room = await retryMeetingRoom(await webActor(ctx), access.meetingId);
  revalidatePath(`/meetings/${access.meetingId}`);
  revalidatePath("/rooms");
  return { ok: true, room };
}

/** The board's button: reads the corp's rooms from WeCom again through this app. */
export async function refreshRoomsAction(
  appId: unknown,
): Promise<
  { ok: false; error: "forbidden" | "not_found" } | { ok: true; rooms: number; access: string }
> {
  const ctx = await getTenantContext();
  if (!ctx || !ctx.can("meeting:book")) return { ok: false, error: "forbidden" };
  const id = z.string().min(1).max(64).safeParse(appId);
  if (!id.success) return { ok: false, error: "not_found" };
  const result = await syncRooms(ctx.db, id.data);
  if (!result) return { ok: false, error: "not_found" };
  forgetDayBookings(id.data);
  revalidatePath("/rooms");
  return { ok: true, rooms: result.rooms, access: result.access };
}
