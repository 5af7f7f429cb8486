"use server";

import { getTranslations } from "next-intl/server";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { translateMsg } from "@/lib/i18n/translate-msg";
import { bookMeetingWithRoom, type RoomOutcome } from "@/lib/meetings";
import { roomIdSchema } from "@/lib/schemas/room";
import { webActor } from "@/lib/meetings/web-actor";

export type BookMeetingActionResult =
  | {
      ok: true;
      meetingId: string;
      replayed: boolean;
      needsReconciliation: boolean;
      /** The room booked with it, or why it could not be (the meeting stays booked). */
      room?: RoomOutcome;
    }
  | {
      ok: false;
      /** Translated messages, keyed by form field. */
      fieldErrors: Record<string, string>;
      formError?: string;
      /** The meeting this submission already made, when there is one. */
      meetingId?: string;
    };

/** Books a meeting from the booking form: session and role → lib/meetings → typed result. */
export async function bookMeetingAction(
  values: unknown,
  roomId?: unknown,
): Promise<BookMeetingActionResult> {
  const ctx = await getTenantContext();
  const t = await getTranslations("booking.errors");
  const tr = (m: string | undefined) => translateMsg(t as never, m);
  if (!ctx || !ctx.can("meeting:book"))
    return { ok: false, fieldErrors: {}, formError: tr("forbidden") };
  const room = roomIdSchema.optional().safeParse(roomId);
  if (!room.success) return { ok: false, fieldErrors: {}, formError: tr("invalid") };
  const result = await bookMeetingWithRoom(await webActor(ctx), values, room.data);
  // No revalidatePath: the browser leaves for the meeting's page, and the meeting pages
  // are rendered per request; revalidating would re-render this form into the answer.
  if (result.ok) return result;
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors).map(([field, m]) => [field, tr(m)]),
  );
  return {
    ok: false,
    fieldErrors,
    formError: result.formError ? tr(result.formError) : undefined,
    meetingId: result.meetingId,
  };
}
