"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { reconcileMeeting, type ReconcileOutcome } from "@/lib/meetings";
import { webActor } from "@/lib/meetings/web-actor";

export type ReconcileActionResult =
  { ok: true; outcome: ReconcileOutcome } | { ok: false; error: "forbidden" | "not_found" };

/** "Check with WeCom now" on a meeting whose booking answer was lost. */
export async function reconcileMeetingAction(meetingId: unknown): Promise<ReconcileActionResult> {
  const ctx = await getTenantContext();
  if (!ctx || !ctx.can("meeting:book")) return { ok: false, error: "forbidden" };
  const id = z.string().min(1).max(64).safeParse(meetingId);
  if (!id.success) return { ok: false, error: "not_found" };
  const m = await ctx.db.meeting.findFirst({
    where: { id: id.data },
    select: { createdById: true },
  });
  if (!m) return { ok: false, error: "not_found" };
  const mine = m.createdById === ctx.user.id;
  if (!ctx.can("meeting:manage-any") && !(mine && ctx.can("meeting:manage-own")))
    return { ok: false, error: "forbidden" };
  const outcome = await reconcileMeeting(await webActor(ctx), id.data, { rebook: true });
  revalidatePath(`/meetings/${id.data}`);
  revalidatePath("/meetings");
  return { ok: true, outcome };
}
