"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getTenantContext } from "@/lib/auth/tenant-context";
import {
  roomAfterUpdate,
  updateMeeting,
  type MeetingStatusName,
  type RoomOutcome,
} from "@/lib/meetings";
import { roomIdSchema } from "@/lib/schemas/room";
import { webActor } from "@/lib/meetings/web-actor";
import { accessMessage, mayManageMeetings, meetingAccess, meetingMessages } from "./meeting-access";

export type UpdateMeetingActionResult =
  | {
      ok: true;
      meetingId: string;
      /** The meeting's version now: the form's next save sends it. */
      version: number;
      /** Form fields that changed; empty when nothing did (WeCom was not called). */
      changed: string[];
      /** The room booked again (a new room, or the meeting moved), or why it could not be. */
      room?: RoomOutcome | null;
    }
  | {
      ok: false;
      /** Set when the meeting cannot be reached at all: show a 404 or 403, not the form. */
      error?: "forbidden" | "not_found";
      /** Translated messages, keyed by form field. */
      fieldErrors: Record<string, string>;
      formError?: string;
      /** Someone else saved first: reload (the form must not resubmit over it). */
      conflict?: boolean;
      currentVersion?: number;
      /** The meeting is not booked (any more, or not yet confirmed): its status. */
      notEditable?: MeetingStatusName;
    };

/**
 * Saves the edit form of meeting `meetingId`: `values` are the booking form's values
 * (plus `clearPassword: true` to remove the password; an empty password keeps it) and
 * `expectedVersion` the version the form was loaded with (meetingForEdit().version).
 */
export async function updateMeetingAction(
  meetingId: unknown,
  values: unknown,
  expectedVersion: unknown,
  roomId?: unknown,
): Promise<UpdateMeetingActionResult> {
  const ctx = await getTenantContext();
  const tr = await meetingMessages();
  if (!ctx || !mayManageMeetings(ctx))
    return { ok: false, error: "forbidden", fieldErrors: {}, formError: tr("manageForbidden") };
  const access = await meetingAccess(ctx, meetingId);
  if (!access.ok)
    return {
      ok: false,
      error: access.error,
      fieldErrors: {},
      formError: tr(accessMessage(access.error)),
    };
  const version = z.number().int().min(1).safeParse(expectedVersion);
  // A form that lost its version cannot prove it saw the latest: reload, as after a conflict.
  if (!version.success)
    return { ok: false, conflict: true, fieldErrors: {}, formError: tr("editConflict") };

  const room = roomIdSchema.optional().safeParse(roomId);
  if (!room.success) return { ok: false, fieldErrors: {}, formError: tr("invalid") };
  const actor = await webActor(ctx);
  const updated = await updateMeeting(actor, access.meetingId, values, version.data);
  const result = updated.ok
    ? {
        ...updated,
        room: await roomAfterUpdate(actor, access.meetingId, updated.changed, room.data),
      }
    : updated;
  revalidatePath(`/meetings/${access.meetingId}`);
  revalidatePath("/meetings");
  revalidatePath("/meetings/calendar");
  if (result.ok) return result;
  const { fieldErrors, formError, ...rest } = result;
  return {
    ...rest,
    fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([f, m]) => [f, tr(m)])),
    formError: formError ? tr(formError) : undefined,
  };
}
