"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canManageMeeting } from "@/lib/auth/permissions";
import { getTenantContext } from "@/lib/auth/tenant-context";
import {
  BULK_CANCEL_MAX,
  cancelMeeting,
  cancelMeetings,
  type MeetingStatusName,
} from "@/lib/meetings";
import { webActor } from "@/lib/meetings/web-actor";
import { normaliseCancelReason } from "@/lib/schemas/cancel-reason";
import { msg } from "@/lib/schemas/messages";
import { accessMessage, mayManageMeetings, meetingAccess, meetingMessages } from "./meeting-access";

export type CancelMeetingActionResult =
  | {
      ok: true;
      /** The first answer was lost; WeCom was asked and the meeting is cancelled. */
      reconciled: boolean;
    }
  | {
      ok: false;
      /** The meeting cannot be reached; "unexpected" (bulk only): an internal failure. */
      error?: "forbidden" | "not_found" | "unexpected";
      /** The meeting is not booked (any more, or not yet confirmed): its status. */
      notCancellable?: MeetingStatusName;
      /** An edit is being saved right now: reload and decide again. */
      conflict?: boolean;
      /** Translated. */
      formError: string;
    };

export type CancelMeetingsActionResult =
  | { ok: true; results: { meetingId: string; result: CancelMeetingActionResult }[] }
  | { ok: false; error: "forbidden" | "invalid"; formError: string };

/** Cancels one meeting; `reason` (optional, ≤ 200 characters) goes to the audit trail. */
export async function cancelMeetingAction(
  meetingId: unknown,
  reason: unknown,
): Promise<CancelMeetingActionResult> {
  const ctx = await getTenantContext();
  const tr = await meetingMessages();
  if (!ctx || !mayManageMeetings(ctx))
    return { ok: false, error: "forbidden", formError: tr("manageForbidden") };
  const access = await meetingAccess(ctx, meetingId);
  if (!access.ok)
    return { ok: false, error: access.error, formError: tr(accessMessage(access.error)) };
  const result = await cancelMeeting(await webActor(ctx), access.meetingId, {
    reason: normaliseCancelReason(reason),
  });
  revalidatePath(`/meetings/${access.meetingId}`);
  revalidatePath("/meetings");
  revalidatePath("/meetings/calendar");
  return result.ok ? result : { ...result, formError: tr(result.formError) };
}

/**
 * Cancels up to 200 meetings (the list's bulk cancel): one result per distinct id, in
 * the order given; one failure does not stop the others. Meetings the person may not
 * manage, or of another tenant, come back forbidden / not_found.
 */
export async function cancelMeetingsAction(
  ids: unknown,
  reason: unknown,
): Promise<CancelMeetingsActionResult> {
  const ctx = await getTenantContext();
  const tr = await meetingMessages();
  if (!ctx || !mayManageMeetings(ctx))
    return { ok: false, error: "forbidden", formError: tr("manageForbidden") };
  const parsed = z.array(z.string().min(1).max(64)).min(1).safeParse(ids);
  if (!parsed.success) return { ok: false, error: "invalid", formError: tr("invalid") };
  if (new Set(parsed.data).size > BULK_CANCEL_MAX)
    return {
      ok: false,
      error: "invalid",
      formError: tr(msg("tooManyMeetings", { max: BULK_CANCEL_MAX })),
    };

  const results = await cancelMeetings(await webActor(ctx), parsed.data, {
    reason: normaliseCancelReason(reason),
    mayManage: (m) => canManageMeeting(ctx.role, ctx.user.id, m),
  });
  revalidatePath("/meetings/[id]", "page");
  revalidatePath("/meetings");
  revalidatePath("/meetings/calendar");
  return {
    ok: true,
    results: results.map(({ meetingId, result }) => ({
      meetingId,
      result: result.ok ? result : { ...result, formError: tr(result.formError) },
    })),
  };
}
