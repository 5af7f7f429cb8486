// The authorise step shared by the meeting actions: the meeting is read through the
// tenant's scoped database (another tenant's id finds nothing) and the person's role
// must allow managing it. Messages come from the one catalogue ("booking.errors").
import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { canManageMeeting } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { translateMsg } from "@/lib/i18n/translate-msg";

export type MeetingAccess =
  { ok: true; meetingId: string } | { ok: false; error: "forbidden" | "not_found" };

const meetingIdSchema = z.string().min(1).max(64);

export async function meetingAccess(
  ctx: TenantContext,
  meetingId: unknown,
): Promise<MeetingAccess> {
  const id = meetingIdSchema.safeParse(meetingId);
  if (!id.success) return { ok: false, error: "not_found" };
  const m = await ctx.db.meeting.findFirst({
    where: { id: id.data },
    select: { createdById: true },
  });
  if (!m) return { ok: false, error: "not_found" };
  if (!canManageMeeting(ctx.role, ctx.user.id, m)) return { ok: false, error: "forbidden" };
  return { ok: true, meetingId: id.data };
}

/** Whether the role may manage any meeting at all (a viewer may not). */
export function mayManageMeetings(ctx: TenantContext): boolean {
  return ctx.can("meeting:manage-any") || ctx.can("meeting:manage-own");
}

/** Translates encoded messages (lib/schemas/messages.ts) in the reader's language. */
export async function meetingMessages(): Promise<(m: string | undefined) => string> {
  const t = await getTranslations("booking.errors");
  return (m) => translateMsg(t as never, m);
}

/** The message key for an access refusal. */
export const accessMessage = (error: "forbidden" | "not_found") =>
  error === "forbidden" ? "manageForbidden" : "meetingNotFound";
