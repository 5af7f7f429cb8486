"use server";
// The meeting page's occurrence dialogs: cancel one occurrence of a series, or move it
// (cancel + a linked one-off). Thin: parse → authorise → lib/meetings → revalidate.

import { revalidatePath } from "next/cache";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { cancelOccurrence, moveOccurrence } from "@/lib/meetings";
import { webActor } from "@/lib/meetings/web-actor";
import { normaliseCancelReason } from "@/lib/schemas/cancel-reason";
import { occurrenceMoveSchema, subMeetingIdSchema } from "@/lib/schemas/occurrence";
import { accessMessage, mayManageMeetings, meetingAccess, meetingMessages } from "./meeting-access";

export type OccurrenceActionResult =
  | { ok: true; oneOffId?: string }
  | { ok: false; error?: "forbidden" | "not_found" | "invalid"; formError: string };

function revalidate(...ids: (string | undefined)[]) {
  for (const id of ids) if (id) revalidatePath(`/meetings/${id}`);
  revalidatePath("/meetings");
  revalidatePath("/meetings/calendar");
}

async function access(meetingId: unknown, subMeetingId: unknown, book: boolean) {
  const ctx = await getTenantContext();
  const tr = await meetingMessages();
  if (!ctx || !mayManageMeetings(ctx) || (book && !ctx.can("meeting:book")))
    return {
      tr,
      refused: {
        ok: false as const,
        error: "forbidden" as const,
        formError: tr("manageForbidden"),
      },
    };
  const a = await meetingAccess(ctx, meetingId);
  if (!a.ok)
    return {
      tr,
      refused: { ok: false as const, error: a.error, formError: tr(accessMessage(a.error)) },
    };
  const sub = subMeetingIdSchema.safeParse(subMeetingId);
  if (!sub.success)
    return {
      tr,
      refused: {
        ok: false as const,
        error: "not_found" as const,
        formError: tr("occurrenceNotFound"),
      },
    };
  return { tr, ctx, meetingId: a.meetingId, sub: sub.data };
}

/** Cancels one occurrence; `reason` (optional, ≤ 200 characters) goes to the audit trail. */
export async function cancelOccurrenceAction(
  meetingId: unknown,
  subMeetingId: unknown,
  reason: unknown,
): Promise<OccurrenceActionResult> {
  const a = await access(meetingId, subMeetingId, false);
  if (a.refused) return a.refused;
  const result = await cancelOccurrence(await webActor(a.ctx!), a.meetingId!, a.sub!, {
    reason: normaliseCancelReason(reason),
  });
  revalidate(a.meetingId);
  return result.ok ? { ok: true } : { ok: false, formError: a.tr(result.formError) };
}

/** Moves one occurrence: books a one-off at `values.start` with the series' settings, then cancels it. */
export async function moveOccurrenceAction(
  meetingId: unknown,
  subMeetingId: unknown,
  values: unknown,
): Promise<OccurrenceActionResult> {
  const a = await access(meetingId, subMeetingId, true);
  if (a.refused) return a.refused;
  const parsed = occurrenceMoveSchema.safeParse(values);
  if (!parsed.success)
    return { ok: false, error: "invalid", formError: a.tr(parsed.error.issues[0]?.message) };
  const result = await moveOccurrence(await webActor(a.ctx!), a.meetingId!, a.sub!, {
    ...parsed.data,
    reason: normaliseCancelReason(parsed.data.reason),
  });
  revalidate(a.meetingId, result.oneOffId);
  if (result.ok) return { ok: true, oneOffId: result.oneOffId };
  const field = Object.values(result.fieldErrors)[0];
  return { ok: false, formError: a.tr(result.formError ?? field) };
}
