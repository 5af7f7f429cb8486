"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { meetingDeps, syncDueMeetings, syncMeeting, type SyncedField } from "@/lib/meetings";
import { webActor } from "@/lib/meetings/web-actor";
import { describeWecomFailure } from "@/lib/wecom";

/** At most this many meetings per "sync now" of the tenant (the job does the rest). */
const NOW_BATCH = 50;
/** A meeting read from WeCom this recently is not read again by "sync now". */
const NOW_FRESH_MS = 60_000;

export type SyncMeetingsNowResult =
  | {
      ok: true;
      /** Meetings read from WeCom, of them changed in MeetBridge, and not readable. */
      polled: number;
      changed: number;
      failed: number;
      /** Due, but synced meanwhile by the job or under a MeetBridge edit. */
      skipped: number;
      /** One meeting only: the fields that changed (see SYNCED_FIELDS). */
      fields?: SyncedField[];
      /** One meeting only: why WeCom could not be read, in the reader's language. */
      message?: string;
    }
  | { ok: false; error: "forbidden" | "not_found" };

/**
 * "Sync now". With a meeting id: that meeting, for anyone who may read it. Without: the
 * tenant's due meetings (booked or ongoing, not synced in the last minute), at most
 * NOW_BATCH nearest first, for admins ("meeting:manage-any").
 */
export async function syncMeetingsNowAction(meetingId?: unknown): Promise<SyncMeetingsNowResult> {
  const ctx = await getTenantContext();
  if (!ctx || !ctx.can("meeting:read")) return { ok: false, error: "forbidden" };

  if (meetingId === undefined || meetingId === null) {
    if (!ctx.can("meeting:manage-any")) return { ok: false, error: "forbidden" };
    const tally = await syncDueMeetings(meetingDeps, {
      actor: await webActor(ctx),
      batch: NOW_BATCH,
      freshMs: NOW_FRESH_MS,
    });
    revalidatePath("/meetings");
    return { ok: true, ...tally };
  }

  const id = z.string().min(1).max(64).safeParse(meetingId);
  if (!id.success) return { ok: false, error: "not_found" };
  const m = await ctx.db.meeting.findFirst({
    where: { id: id.data },
    select: { id: true, app: { select: { name: true } } },
  });
  if (!m) return { ok: false, error: "not_found" };
  const result = await syncMeeting(await webActor(ctx), m.id);
  revalidatePath(`/meetings/${m.id}`);
  revalidatePath("/meetings");
  if (result.ok)
    return {
      ok: true,
      polled: 1,
      changed: result.changed.length || result.settled ? 1 : 0,
      failed: 0,
      skipped: 0,
      fields: result.changed,
    };
  if (!result.failure) return { ok: true, polled: 0, changed: 0, failed: 0, skipped: 1 };
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  return {
    ok: true,
    polled: 1,
    changed: 0,
    failed: 1,
    skipped: 0,
    message: describeWecomFailure(result.failure, locale, { appName: m.app.name }),
  };
}
