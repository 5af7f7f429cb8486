// Bringing one meeting up to date with WeCom (get_info): people change and cancel
// meetings in the WeCom client, and meetings start and end. One implementation for the
// meeting page's refresh, "sync now" and the periodic sync (sync-due.ts).
//
// - Everything a person sees is taken from WeCom: status, title, time, description,
//   location, code and link, settings, series and reminders, invitees, hosts, ring
//   members and attendance. A change bumps the version and is one "meeting.sync" audit
//   event listing each changed field as {from, to}; a sync that changes nothing writes
//   only lastSyncedAt.
// - MeetBridge's own writes come first: a row under a MeetBridge call (syncState
//   pending) is left alone until the reconcile grace period has passed (its process may
//   have died), and the write is conditional on the version and state read, so a sync
//   never overwrites an edit that landed while it was asking WeCom.
// - A row whose last edit or cancel lost WeCom's answer (needs_reconciliation) is settled:
//   WeCom's meeting is the truth, and the row is in_sync again.
// - A meetingid WeCom no longer knows (40058) is recorded in syncError; nothing crashes.
import "server-only";
import {
  ERRCODE,
  isWecomErrcode,
  toWecomFailure,
  type MeetingInfo,
  type WecomFailure,
} from "@/lib/wecom";
import { env } from "@/lib/env.js";
import { auditMeeting } from "./audit";
import { meetingDeps, type MeetingDeps } from "./deps";
import { storeOccurrences } from "./occurrences";
import type { StoredSettings } from "./stored-booking";
import type { MeetingActor } from "./types";
import {
  accountsOfUserIds,
  columnsFromInfo,
  participantRowsOf,
  peopleFromInfo,
  type ParticipantRow,
} from "./wecom-meeting";

/** Fields a sync compares, as they appear in the "meeting.sync" audit diff. */
export const SYNCED_FIELDS = [
  "status",
  "title",
  "startAt",
  "durationSec",
  "description",
  "location",
  "meetingCode",
  "meetingLink",
  "adminUserId",
  "enableWaitingRoom",
  "allowEnterBeforeHost",
  "remindScope",
  "enableEnterMute",
  "allowExternalUser",
  "enableScreenWatermark",
  "hasPassword",
  "isRepeat",
  "repeatType",
  "repeatInterval",
  "repeatUntil",
  "remindBefore",
  "invitees",
  "hosts",
  "ring",
  "attended",
] as const;
export type SyncedField = (typeof SYNCED_FIELDS)[number];

const FILLED_IN_LATER = new Set<SyncedField>(["meetingCode", "meetingLink"]);

export type SyncResult =
  /**
   * WeCom answered; `changed` lists what MeetBridge's record changed (empty: it was true);
   * `settled`: the row was awaiting reconciliation and agrees with WeCom now.
   */
  | { ok: true; info: MeetingInfo; changed: SyncedField[]; settled: boolean }
  /**
   * Not synced. `failure` null: nothing to ask WeCom (no such meeting, no meetingid yet)
   * or a MeetBridge call under way ("busy"); otherwise WeCom's refusal or a transport
   * failure, also kept in the row's syncError. "gone": WeCom no longer knows the meetingid.
   */
  | { ok: false; failure: WecomFailure | null; reason: "not_synced" | "busy" | "gone" | "failed" };

const ROW_SELECT = {
  id: true,
  appId: true,
  wecomMeetingId: true,
  version: true,
  syncState: true,
  updatedAt: true,
  status: true,
  title: true,
  startAt: true,
  durationSec: true,
  description: true,
  location: true,
  meetingCode: true,
  meetingLink: true,
  adminUserId: true,
  settings: true,
  isRepeat: true,
  repeatType: true,
  repeatInterval: true,
  repeatUntil: true,
  remindBefore: true,
  app: { select: { corpRowId: true } },
  participants: {
    select: { role: true, wecomUserId: true, oaAccountId: true, attendStatus: true },
  },
} as const;

const readRow = (actor: MeetingActor, id: string) =>
  actor.db.meeting.findFirst({ where: { id }, select: ROW_SELECT });
type Row = NonNullable<Awaited<ReturnType<typeof readRow>>>;

/** A MeetBridge call holds the row (pending), unless it is older than the grace period. */
function underWay(row: { syncState: string; updatedAt: Date }, deps: MeetingDeps): boolean {
  if (row.syncState !== "pending") return false;
  const graceMs = deps.graceMs ?? env.MEETBRIDGE_RECONCILE_GRACE_SECONDS * 1000;
  const nowMs = (deps.nowSec?.() ?? Date.now() / 1000) * 1000;
  return nowMs - row.updatedAt.getTime() < graceMs;
}

export async function syncMeeting(
  actor: MeetingActor,
  meetingId: string,
  deps: MeetingDeps = meetingDeps,
): Promise<SyncResult> {
  const first = await readRow(actor, meetingId);
  if (!first?.wecomMeetingId) return { ok: false, failure: null, reason: "not_synced" };
  if (underWay(first, deps)) return { ok: false, failure: null, reason: "busy" };

  let info: MeetingInfo;
  try {
    const client = await deps.clientFor(actor.db, first.appId);
    info = await client.getMeetingInfo(first.wecomMeetingId, { meetingId: first.id });
  } catch (err) {
    const failure = toWecomFailure(err);
    // Only the row's own state is touched, and not if a MeetBridge call took it meanwhile.
    await actor.db.meeting.updateMany({
      where: { id: first.id, version: first.version, syncState: first.syncState },
      data: { syncError: JSON.stringify(failure) },
    });
    const gone = isWecomErrcode(err, ERRCODE.invalidParameter2, ERRCODE.invalidParameter);
    return { ok: false, failure, reason: gone ? "gone" : "failed" };
  }

  // An edit may land between the read and the write: read again and apply WeCom's answer
  // to the fresh row, once; after that the next sync will.
  let row = first;
  for (let attempt = 0; attempt < 2; attempt++) {
    const changed = await applyInfo(actor, row, info, deps);
    if (changed) return { ok: true, info, changed, settled: row.syncState !== "in_sync" };
    const again = await readRow(actor, meetingId);
    if (!again || underWay(again, deps) || again.wecomMeetingId !== first.wecomMeetingId) break;
    row = again;
  }
  return { ok: false, failure: null, reason: "busy" };
}

/** Writes WeCom's answer onto the row; the changed fields, or null when the row moved on. */
async function applyInfo(
  actor: MeetingActor,
  row: Row,
  info: MeetingInfo,
  deps: MeetingDeps,
): Promise<SyncedField[] | null> {
  const prevSettings = (row.settings as StoredSettings | null) ?? null;
  const prevReminders = {
    isRepeat: row.isRepeat,
    repeatType: row.repeatType,
    repeatInterval: row.repeatInterval,
    repeatUntil: row.repeatUntil,
    remindBefore: (row.remindBefore as number[] | null) ?? [],
  };
  const columns = columnsFromInfo(info, actor.tenantId, actor.timeZone, {
    settings: prevSettings,
    reminders: prevReminders,
  });
  const ids = (role: string) =>
    row.participants.filter((p) => p.role === role).map((p) => p.wecomUserId);
  const people = peopleFromInfo(info, {
    invitees: ids("invitee"),
    hosts: ids("host"),
    ring: ids("ring"),
  });
  const everyone = [info.adminUserId, ...people.invitees, ...people.hosts, ...people.ring];
  const accounts = await accountsOfUserIds(actor.db, row.app.corpRowId, everyone);
  const participants = participantRowsOf(people, accounts, row.participants);
  const adminAccountId =
    info.adminUserId !== row.adminUserId ? accounts.get(info.adminUserId) : undefined;

  const before = viewOf({ ...row, ...prevReminders, settings: prevSettings }, row.participants);
  const after = viewOf({ ...columns, adminUserId: info.adminUserId }, participants);
  const diff: Partial<Record<SyncedField, { from: unknown; to: unknown }>> = {};
  for (const field of SYNCED_FIELDS) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    // meeting/create answers only the meetingid: the first sync fills the code and the
    // link in, which is no change to the meeting (recorded, not audited, same version).
    if (FILLED_IN_LATER.has(field) && before[field] === null) continue;
    diff[field] = { from: before[field], to: after[field] };
  }
  const changed = Object.keys(diff) as SyncedField[];
  const roster = (list: { role: string; wecomUserId: string; oaAccountId: string | null }[]) =>
    JSON.stringify(list.map((p) => [p.role, p.wecomUserId, p.oaAccountId]).sort());
  const rosterChanged = roster(row.participants) !== roster(participants);
  const now = new Date((deps.nowSec?.() ?? Date.now() / 1000) * 1000);

  try {
    await actor.db.meeting.update({
      where: { id: row.id, version: row.version, syncState: row.syncState },
      data: {
        ...columns,
        settings: columns.settings as object,
        adminUserId: info.adminUserId,
        ...(adminAccountId ? { adminAccountId } : {}),
        ...(columns.status === "cancelled" && row.status !== "cancelled"
          ? { cancelledAt: now }
          : {}),
        syncState: "in_sync",
        syncError: null,
        lastSyncedAt: now,
        ...(changed.length ? { version: { increment: 1 } } : {}),
        ...(rosterChanged
          ? { participants: { deleteMany: {}, create: participants.map(participantData) } }
          : {}),
      },
    });
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === "P2025") return null;
    throw err;
  }
  if (!rosterChanged) await recordAttendance(actor, row, participants);
  await storeOccurrences(actor, row.id, info, now);
  const settled = row.syncState !== "in_sync";
  if (changed.length || settled)
    await auditMeeting(actor, row.id, "meeting.sync", {
      ...diff,
      ...(settled ? { syncState: { from: row.syncState, to: "in_sync" } } : {}),
    });
  return changed;
}

const participantData = (p: ParticipantRow) => ({
  role: p.role,
  wecomUserId: p.wecomUserId,
  oaAccountId: p.oaAccountId,
  attendStatus: p.attendStatus,
});

/** Attendance of the people already listed (the roster itself unchanged). */
async function recordAttendance(actor: MeetingActor, row: Row, participants: ParticipantRow[]) {
  for (const p of participants) {
    const had = row.participants.find((x) => x.role === p.role && x.wecomUserId === p.wecomUserId);
    if (!had || had.attendStatus === p.attendStatus) continue;
    await actor.db.meetingParticipant.updateMany({
      where: { meetingId: row.id, role: p.role, wecomUserId: p.wecomUserId },
      data: { attendStatus: p.attendStatus },
    });
  }
}

interface Viewed {
  status: string;
  title: string;
  startAt: Date;
  durationSec: number;
  description: string | null;
  location: string | null;
  meetingCode: string | null;
  meetingLink: string | null;
  adminUserId: string;
  settings: StoredSettings | null;
  isRepeat: boolean;
  repeatType: number | null;
  repeatInterval: number | null;
  repeatUntil: Date | null;
  remindBefore: number[];
}

/** What a person sees of a meeting, field by field (the password itself is not shown). */
function viewOf(
  m: Viewed,
  participants: { role: string; wecomUserId: string; attendStatus: number | null }[],
): Record<SyncedField, unknown> {
  const s = m.settings;
  const ids = (role: string) =>
    participants
      .filter((p) => p.role === role)
      .map((p) => p.wecomUserId)
      .sort();
  return {
    status: m.status,
    title: m.title,
    startAt: m.startAt.toISOString(),
    durationSec: m.durationSec,
    description: m.description,
    location: m.location,
    meetingCode: m.meetingCode,
    meetingLink: m.meetingLink,
    adminUserId: m.adminUserId,
    enableWaitingRoom: s?.enableWaitingRoom ?? null,
    allowEnterBeforeHost: s?.allowEnterBeforeHost ?? null,
    remindScope: s?.remindScope ?? null,
    enableEnterMute: s?.enableEnterMute ?? null,
    allowExternalUser: s?.allowExternalUser ?? null,
    enableScreenWatermark: s?.enableScreenWatermark ?? null,
    hasPassword: s?.hasPassword ?? false,
    isRepeat: m.isRepeat,
    repeatType: m.isRepeat ? m.repeatType : null,
    repeatInterval: m.isRepeat ? m.repeatInterval : null,
    repeatUntil: m.isRepeat ? (m.repeatUntil?.toISOString() ?? null) : null,
    remindBefore: [...m.remindBefore].sort((a, b) => a - b),
    invitees: ids("invitee"),
    hosts: ids("host"),
    ring: ids("ring"),
    // Before a meeting starts everyone is "not attended": only who attended is news.
    attended: [
      ...new Set(participants.filter((p) => p.attendStatus === 1).map((p) => p.wecomUserId)),
    ].sort(),
  };
}
