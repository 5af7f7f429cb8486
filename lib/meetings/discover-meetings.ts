// "Discover": a mapped member's meetings in WeCom (get_user_meetingid through one app)
// that MeetBridge does not know yet, each read with get_info, for a person to choose
// which to adopt. Bounded: one listing window (WeCom allows 180 days), at most MAX_IDS
// meetingids, read a few at a time.
import "server-only";
import { discoverSchema, type DiscoverField } from "@/lib/schemas/adopt";
import { msg } from "@/lib/schemas/messages";
import { ERRCODE, isWecomErrcode, type MeetingInfo } from "@/lib/wecom";
import { appProblem, loadManagedApp, wecomProblem } from "./adopt-meeting";
import { meetingDeps, type MeetingDeps } from "./deps";
import { statusOf, type MeetingStatusName } from "./status";
import type { MeetingActor } from "./types";
import { accountsOfUserIds } from "./wecom-meeting";

const DAY_SEC = 86_400;
/**
 * The listing window: a month back (recent meetings) and the rest of WeCom's 180 days
 * ahead. end_time bounds only past meetings (api doc, get_user_meetingid): WeCom lists
 * every future meeting from begin_time on, so the listing is bounded by MAX_IDS, not by
 * the window, and a meeting starting after the window is offered like any other.
 */
const PAST_DAYS = 30;
const AHEAD_DAYS = 150;
/** At most this many meetingids are looked at (two pages of WeCom's 100). */
const MAX_IDS = 200;
const PAGE = 100;
const CONCURRENCY = 4;

export interface DiscoveredMeeting {
  wecomMeetingId: string;
  title: string;
  /** ISO 8601 (UTC). */
  startAt: string;
  durationSec: number;
  status: MeetingStatusName;
  isRepeat: boolean;
  /** The admin's WeCom userid, and the OA account mapped to it in the app's corp. */
  adminUserId: string;
  adminAccountId: string | null;
  adminName: string | null;
}

export type DiscoverResult =
  | {
      ok: true;
      /** Meetings of the member MeetBridge does not have, by start. */
      meetings: DiscoveredMeeting[];
      /** WeCom listed more than MeetBridge looked at. */
      truncated: boolean;
    }
  | {
      ok: false;
      /** Encoded messages of the "adopt.errors" catalogue, by field. */
      fieldErrors: Partial<Record<DiscoverField, string>>;
      formError?: string;
    };

export async function discoverMeetings(
  actor: MeetingActor,
  raw: { appId: unknown; accountId: unknown },
  deps: MeetingDeps = meetingDeps,
): Promise<DiscoverResult> {
  const parsed = discoverSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<DiscoverField, string>> = {};
    for (const issue of parsed.error.issues)
      fieldErrors[issue.path[0] as DiscoverField] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const app = await loadManagedApp(actor, parsed.data.appId);
  const appError = appProblem(app);
  if (appError || !app) return { ok: false, fieldErrors: { appId: appError } };
  const account = await actor.db.oaAccount.findFirst({
    where: { id: parsed.data.accountId },
    select: {
      name: true,
      mappings: { where: { corpRowId: app.corpRowId }, select: { wecomUserId: true } },
    },
  });
  if (!account) return { ok: false, fieldErrors: { accountId: msg("accountNotFound") } };
  const userId = account.mappings[0]?.wecomUserId;
  if (!userId)
    return {
      ok: false,
      fieldErrors: { accountId: msg("accountNotMapped", { name: account.name, app: app.name }) },
    };

  const client = await deps.clientFor(actor.db, app.id);
  const nowSec = Math.floor(deps.nowSec?.() ?? Date.now() / 1000);
  const ids: string[] = [];
  let truncated = false;
  try {
    let cursor = "0";
    for (;;) {
      const page = await client.getUserMeetingIds({
        userId,
        cursor,
        beginTime: nowSec - PAST_DAYS * DAY_SEC,
        endTime: nowSec + AHEAD_DAYS * DAY_SEC,
        limit: PAGE,
      });
      ids.push(...page.meetingIds.filter((id) => !ids.includes(id)));
      if (!page.nextCursor || page.nextCursor === cursor) break;
      if (ids.length >= MAX_IDS) {
        truncated = true;
        break;
      }
      cursor = page.nextCursor;
    }
  } catch (err) {
    return {
      ok: false,
      ...(await wecomProblem(actor, err, app, { field: "accountId", name: account.name })),
    };
  }
  if (ids.length > MAX_IDS) {
    ids.length = MAX_IDS;
    truncated = true;
  }

  const known = await actor.db.meeting.findMany({
    where: { appId: app.id, wecomMeetingId: { in: ids } },
    select: { wecomMeetingId: true },
  });
  const knownIds = new Set(known.map((k) => k.wecomMeetingId));
  const unknown = ids.filter((id) => !knownIds.has(id));

  const infos: MeetingInfo[] = [];
  let failure: unknown;
  let next = 0;
  const worker = async () => {
    while (next < unknown.length && failure === undefined) {
      const id = unknown[next++]!;
      try {
        infos.push({ ...(await client.getMeetingInfo(id)), meetingId: id });
      } catch (err) {
        // Gone between the listing and the read: nothing to adopt.
        if (!isWecomErrcode(err, ERRCODE.invalidParameter2, ERRCODE.invalidParameter))
          failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unknown.length) }, worker));
  if (failure !== undefined) return { ok: false, ...(await wecomProblem(actor, failure, app)) };

  const admins = await accountsOfUserIds(
    actor.db,
    app.corpRowId,
    infos.map((i) => i.adminUserId),
  );
  const names = new Map(
    (
      await actor.db.oaAccount.findMany({
        where: { id: { in: [...admins.values()] } },
        select: { id: true, name: true },
      })
    ).map((a) => [a.id, a.name]),
  );
  const meetings = infos
    .map((i): DiscoveredMeeting => ({
      wecomMeetingId: i.meetingId ?? "",
      title: i.title,
      startAt: new Date(i.meetingStart * 1000).toISOString(),
      durationSec: i.meetingDuration,
      status: statusOf(i.status),
      isRepeat: i.reminders?.isRepeat ?? false,
      adminUserId: i.adminUserId,
      adminAccountId: admins.get(i.adminUserId) ?? null,
      adminName: names.get(admins.get(i.adminUserId) ?? "") ?? null,
    }))
    .sort((a, b) => a.startAt.localeCompare(b.startAt));
  return { ok: true, meetings, truncated };
}
