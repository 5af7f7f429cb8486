// A meeting as WeCom's get_info describes it, in the shape MeetBridge keeps (the Meeting
// row's columns and its participants). Shared by sync (a meeting MeetBridge has) and
// adopt (one it takes over), so both read WeCom the same way.
import "server-only";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { EnterMute, MeetingInfo, RemindScope } from "@/lib/wecom";
import { maxOccurrences, occurrenceStarts, REPEAT_TYPES } from "@/lib/wecom/rules";
import { statusOf } from "./status";
import { passwordContext, type StoredSettings } from "./stored-booking";

/** WeCom's defaults (api doc, meeting/create), for a settings field get_info leaves out. */
const WECOM_DEFAULTS: Omit<StoredSettings, "hasPassword" | "passwordSealed"> = {
  enableWaitingRoom: false,
  allowEnterBeforeHost: true,
  remindScope: 2,
  enableEnterMute: 2,
  allowExternalUser: true,
  enableScreenWatermark: false,
};

/**
 * The settings block to keep. A field WeCom leaves out keeps its stored value. The sealed
 * password stays as it is while WeCom still has one; it is sealed anew only when WeCom
 * shows a password MeetBridge does not hold (set in the WeCom client, or an adopted
 * meeting), and dropped when WeCom has none.
 */
export function settingsFromInfo(
  info: MeetingInfo,
  tenantId: string,
  prev: StoredSettings | null,
): StoredSettings {
  const s = info.settings;
  const base = { ...WECOM_DEFAULTS, ...prev };
  if (!s) return { ...base, hasPassword: prev?.hasPassword ?? false };
  let passwordSealed: string | undefined;
  if (s.hasPassword) {
    passwordSealed = prev?.passwordSealed;
    if (s.password && openedPassword(prev?.passwordSealed, tenantId) !== s.password)
      passwordSealed = sealSecret(s.password, passwordContext(tenantId));
  }
  return {
    enableWaitingRoom: s.enableWaitingRoom ?? base.enableWaitingRoom,
    allowEnterBeforeHost: s.allowEnterBeforeHost ?? base.allowEnterBeforeHost,
    remindScope: (s.remindScope ?? base.remindScope) as RemindScope,
    enableEnterMute: (s.enableEnterMute ?? base.enableEnterMute) as EnterMute,
    allowExternalUser: s.allowExternalUser ?? base.allowExternalUser,
    enableScreenWatermark: s.enableScreenWatermark ?? base.enableScreenWatermark,
    hasPassword: s.hasPassword,
    ...(passwordSealed ? { passwordSealed } : {}),
    ...advancedFromInfo(info, prev),
  };
}

/** Recording and phone guests: WeCom's word when it gives one, else what was kept. */
function advancedFromInfo(info: MeetingInfo, prev: StoredSettings | null) {
  const autoRecordType = (info.settings?.autoRecordType ?? prev?.autoRecordType) as
    StoredSettings["autoRecordType"] | undefined;
  const guests = info.guests
    ? info.guests.map((g) => ({ area: g.area, phone: g.phoneNumber, name: g.guestName }))
    : prev?.guests;
  return {
    ...(autoRecordType ? { autoRecordType } : {}),
    ...(guests?.length ? { guests } : {}),
    ...recurrenceFromInfo(info, prev),
  };
}

/**
 * Custom recurrence and a count end (API doc, advanced fields): WeCom's word when get_info
 * echoes them, none for a one-off meeting, else what was kept (the doc does not say that
 * get_info echoes them).
 */
function recurrenceFromInfo(
  info: MeetingInfo,
  prev: StoredSettings | null,
): Pick<StoredSettings, "customRepeat" | "repeatCount"> {
  const r = info.reminders;
  if (r && !r.isRepeat) return {};
  const days = r?.repeatDayOfWeek?.length
    ? { daysOfWeek: r.repeatDayOfWeek }
    : r?.repeatDayOfMonth?.length
      ? { daysOfMonth: r.repeatDayOfMonth }
      : undefined;
  const customRepeat = days ?? prev?.customRepeat;
  const repeatCount = r?.repeatUntilCount ?? prev?.repeatCount;
  return {
    ...(customRepeat ? { customRepeat } : {}),
    ...(repeatCount !== undefined ? { repeatCount } : {}),
  };
}

export function openedPassword(sealed: string | undefined, tenantId: string): string | undefined {
  if (!sealed) return undefined;
  try {
    return openSecret(sealed, passwordContext(tenantId));
  } catch {
    return undefined; // sealed under an older key: WeCom's value replaces it
  }
}

interface StoredReminders {
  isRepeat: boolean;
  repeatType: number | null;
  repeatInterval: number | null;
  repeatUntil: Date | null;
  remindBefore: number[];
}

/**
 * The series and reminders. get_info fills in the end of an open series (the last of its
 * maximum number of occurrences); a booking left open keeps "no end date" for that.
 */
export function remindersFromInfo(
  info: MeetingInfo,
  timeZone: string,
  prev: StoredReminders | null,
): StoredReminders {
  const r = info.reminders;
  if (!r)
    return (
      prev ?? {
        isRepeat: false,
        repeatType: null,
        repeatInterval: null,
        repeatUntil: null,
        remindBefore: [],
      }
    );
  const remindBefore = [...r.remindBefore].sort((a, b) => a - b);
  if (!r.isRepeat)
    return {
      isRepeat: false,
      repeatType: null,
      repeatInterval: null,
      repeatUntil: null,
      remindBefore,
    };
  const repeatType = r.repeatType ?? REPEAT_TYPES.daily;
  const repeatInterval = repeatType === REPEAT_TYPES.weekly ? (r.repeatInterval ?? 1) : null;
  let repeatUntil = r.repeatUntil === undefined ? null : new Date(r.repeatUntil * 1000);
  if (repeatUntil && prev?.isRepeat && prev.repeatUntil === null) {
    const last = occurrenceStarts(
      {
        startSec: info.meetingStart,
        repeatType,
        repeatInterval: repeatInterval ?? undefined,
        timeZone,
        daysOfWeek: r.repeatDayOfWeek,
        daysOfMonth: r.repeatDayOfMonth,
      },
      maxOccurrences(repeatType, repeatInterval ?? undefined),
    ).at(-1);
    if (last === r.repeatUntil) repeatUntil = null;
  }
  return { isRepeat: true, repeatType, repeatInterval, repeatUntil, remindBefore };
}

/** The Meeting row's own columns as WeCom holds the meeting (no ids, keys, people or state). */
export function columnsFromInfo(
  info: MeetingInfo,
  tenantId: string,
  timeZone: string,
  prev: { settings: StoredSettings | null; reminders: StoredReminders | null } = {
    settings: null,
    reminders: null,
  },
) {
  return {
    status: statusOf(info.status),
    title: info.title,
    startAt: new Date(info.meetingStart * 1000),
    durationSec: info.meetingDuration,
    // get_info answers "" for a field never set; MeetBridge keeps null.
    description: info.description || null,
    location: info.location || null,
    meetingCode: info.meetingCode ?? null,
    meetingLink: info.meetingLink ?? null,
    settings: settingsFromInfo(info, tenantId, prev.settings),
    ...remindersFromInfo(info, timeZone, prev.reminders),
  };
}

/** The userids of each role, as far as get_info tells them. */
export interface WecomPeople {
  invitees: string[];
  hosts: string[];
  ring: string[];
  /** userid → attendance (1 attended, 2 not attended). */
  attendance: Map<string, number>;
}

const uniq = (list: string[]) => [...new Set(list)];

/**
 * get_info has no invitee list of its own: its attendees are the invitees together with
 * the admin and the hosts. So an attendee is an invitee unless they are the admin or a
 * host, and the admin or a host counts as an invitee too when MeetBridge had them as one.
 * An answer without attendees (WeCom always lists at least the admin) tells nothing
 * about invitees, and `known` stands. Without a settings block, hosts and ring stand too.
 */
export function peopleFromInfo(
  info: MeetingInfo,
  known?: { invitees: string[]; hosts: string[]; ring: string[] },
): WecomPeople {
  const hosts = info.settings ? uniq(info.settings.hostUserIds) : (known?.hosts ?? []);
  const ring = info.settings ? uniq(info.settings.ringUserIds) : (known?.ring ?? []);
  const attendance = new Map(info.attendees.map((a) => [a.userId, a.status]));
  let invitees = known?.invitees ?? [];
  if (info.attendees.length > 0) {
    const wasInvitee = new Set(known?.invitees ?? []);
    const hostSet = new Set(hosts);
    invitees = uniq(info.attendees.map((a) => a.userId)).filter(
      (u) => wasInvitee.has(u) || (u !== info.adminUserId && !hostSet.has(u)),
    );
  }
  return { invitees, hosts, ring, attendance };
}

/** OA account ids of WeCom userids through the app's corp mappings (unmapped ones absent). */
export async function accountsOfUserIds(
  db: TenantDb,
  corpRowId: string,
  userIds: string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.mapping.findMany({
    where: { corpRowId, wecomUserId: { in: uniq(userIds) } },
    select: { wecomUserId: true, oaAccountId: true },
  });
  return new Map(rows.map((r) => [r.wecomUserId, r.oaAccountId]));
}

export type ParticipantRole = "invitee" | "host" | "ring";

export interface ParticipantRow {
  role: ParticipantRole;
  wecomUserId: string;
  oaAccountId: string | null;
  attendStatus: number | null;
}

/**
 * Participant rows for the people. A person MeetBridge already lists keeps their OA
 * account (a mapping changed since does not rewrite who was invited); anyone new is
 * mapped through the app's corp, else kept with no OA account.
 */
export function participantRowsOf(
  people: WecomPeople,
  accounts: Map<string, string>,
  existing: { role: string; wecomUserId: string; oaAccountId: string | null }[] = [],
): ParticipantRow[] {
  const had = new Map(existing.map((p) => [`${p.role}:${p.wecomUserId}`, p.oaAccountId]));
  const rows = (role: ParticipantRole, ids: string[]) =>
    ids.map((u) => ({
      role,
      wecomUserId: u,
      oaAccountId: had.get(`${role}:${u}`) ?? accounts.get(u) ?? null,
      attendStatus: people.attendance.get(u) ?? null,
    }));
  return [
    ...rows("invitee", people.invitees),
    ...rows("host", people.hosts),
    ...rows("ring", people.ring),
  ];
}
