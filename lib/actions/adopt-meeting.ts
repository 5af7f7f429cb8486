"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { translateMsg } from "@/lib/i18n/translate-msg";
import { adoptMeeting, discoverMeetings, type DiscoveredMeeting } from "@/lib/meetings";
import { webActor } from "@/lib/meetings/web-actor";

/** A refusal in the reader's language: messages by field, or for the whole form. */
export interface AdoptProblem {
  ok: false;
  fieldErrors: Record<string, string>;
  formError?: string;
}

export type AdoptMeetingActionResult =
  { ok: true; meetingId: string; alreadyKnown: boolean } | AdoptProblem;

export type DiscoverMeetingsActionResult =
  { ok: true; meetings: DiscoveredMeeting[]; truncated: boolean } | AdoptProblem;

async function adoptContext() {
  const ctx = await getTenantContext();
  const t = await getTranslations("adopt.errors");
  const tr = (m: string | undefined) => translateMsg(t as never, m);
  const translate = (p: { fieldErrors: Partial<Record<string, string>>; formError?: string }) => ({
    ok: false as const,
    fieldErrors: Object.fromEntries(Object.entries(p.fieldErrors).map(([f, m]) => [f, tr(m)])),
    formError: p.formError ? tr(p.formError) : undefined,
  });
  const allowed = !!ctx && ctx.can("meeting:manage-any");
  return {
    ctx: allowed ? ctx : null,
    translate,
    forbidden: translate({ fieldErrors: {}, formError: "forbidden" }),
  };
}

/** Adopts a meeting booked elsewhere by its meetingid ({ appId, wecomMeetingId }); admins only. */
export async function adoptMeetingAction(values: unknown): Promise<AdoptMeetingActionResult> {
  const { ctx, translate, forbidden } = await adoptContext();
  if (!ctx) return forbidden;
  const result = await adoptMeeting(await webActor(ctx), values);
  if (!result.ok) return translate(result);
  if (!result.alreadyKnown) revalidatePath("/meetings");
  return result;
}

/** A mapped member's meetings in WeCom that MeetBridge does not have yet; admins only. */
export async function discoverMeetingsAction(
  appId: unknown,
  accountId: unknown,
): Promise<DiscoverMeetingsActionResult> {
  const { ctx, translate, forbidden } = await adoptContext();
  if (!ctx) return forbidden;
  const result = await discoverMeetings(await webActor(ctx), { appId, accountId });
  return result.ok ? result : translate(result);
}
