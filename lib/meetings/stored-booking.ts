// A booking as MeetBridge keeps it (the Meeting row and its participants) and as WeCom
// takes it (CreateMeetingInput). The row holds everything needed to send the same
// create again while reconciling; the meeting password is sealed like any secret.
import "server-only";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import {
  isCustomRepeat,
  seriesEndSec,
  type BookingGuest,
  type BookingValues,
} from "@/lib/schemas/booking";
import { parseWallClock } from "@/lib/schemas/wall-clock";
import { REPEAT_TYPES } from "@/lib/wecom/rules";
import type {
  AutoRecordType,
  CreateMeetingInput,
  MeetingSettingsInput,
  RemindScope,
  EnterMute,
} from "@/lib/wecom";

export interface Person {
  accountId: string;
  name: string;
  userId: string;
}

export interface People {
  admin: Person;
  invitees: Person[];
  hosts: Person[];
  ring: Person[];
}

/** The settings block kept on the row: what was sent, the password sealed. */
export interface StoredSettings {
  enableWaitingRoom: boolean;
  allowEnterBeforeHost: boolean;
  remindScope: RemindScope;
  enableEnterMute: EnterMute;
  allowExternalUser: boolean;
  enableScreenWatermark: boolean;
  hasPassword: boolean;
  passwordSealed?: string;
  /** Advanced, self-built apps only (API doc): as chosen, absent when never chosen. */
  autoRecordType?: AutoRecordType;
  /** Advanced, self-built apps only: guests by phone (personal data: never logged elsewhere). */
  guests?: BookingGuest[];
  /** Advanced, self-built apps only: custom recurrence's chosen weekdays (1–7) or days (1–31). */
  customRepeat?: { daysOfWeek?: number[]; daysOfMonth?: number[] };
  /** Advanced, self-built apps only: the series ends after this many occurrences. */
  repeatCount?: number;
}

/** The custom recurrence and count end of a booking, as the settings JSON keeps them. */
export function storedRecurrence(
  v: BookingValues,
): Pick<StoredSettings, "customRepeat" | "repeatCount"> {
  if (!v.isRepeat) return {};
  const weekly = v.repeatType === REPEAT_TYPES.weekly;
  const sorted = (d: number[] | undefined) => [...new Set(d)].sort((a, b) => a - b);
  return {
    ...(isCustomRepeat(v)
      ? {
          customRepeat: weekly
            ? { daysOfWeek: sorted(v.repeatDaysOfWeek) }
            : { daysOfMonth: sorted(v.repeatDaysOfMonth) },
        }
      : {}),
    ...(v.repeatCount != null ? { repeatCount: v.repeatCount } : {}),
  };
}

/** The associated data a tenant's meeting passwords are sealed with. */
export const passwordContext = (tenantId: string) => `meeting-password:${tenantId}`;

export function storedSettings(v: BookingValues, tenantId: string): StoredSettings {
  return {
    enableWaitingRoom: v.enableWaitingRoom,
    allowEnterBeforeHost: v.allowEnterBeforeHost,
    remindScope: v.remindScope,
    enableEnterMute: v.enableEnterMute,
    allowExternalUser: v.allowExternalUser,
    enableScreenWatermark: v.enableScreenWatermark,
    hasPassword: v.password !== "",
    ...(v.password ? { passwordSealed: sealSecret(v.password, passwordContext(tenantId)) } : {}),
    ...(v.autoRecordType ? { autoRecordType: v.autoRecordType } : {}),
    ...(v.guests?.length ? { guests: v.guests } : {}),
    ...storedRecurrence(v),
  };
}

/** The Meeting row's own columns for a parsed booking (no ids, keys or state). */
export function meetingColumns(
  v: BookingValues,
  people: People,
  tenantId: string,
  timeZone: string,
) {
  const startSec = parseWallClock(v.start, timeZone)!;
  // A series ending after N occurrences keeps its last occurrence as its end date.
  const until = v.isRepeat ? seriesEndSec(v, timeZone) : undefined;
  return {
    title: v.title,
    startAt: new Date(startSec * 1000),
    durationSec: v.durationMin * 60,
    description: v.description || null,
    location: v.location || null,
    adminAccountId: people.admin.accountId,
    adminUserId: people.admin.userId,
    settings: storedSettings(v, tenantId) as object,
    isRepeat: v.isRepeat,
    repeatType: v.isRepeat ? v.repeatType : null,
    repeatInterval: v.isRepeat && v.repeatType === REPEAT_TYPES.weekly ? v.repeatInterval : null,
    repeatUntil: until === undefined ? null : new Date(until * 1000),
    remindBefore: [...v.remindBefore].sort((a, b) => a - b),
  };
}

export function participantRows(people: People) {
  const rows = (role: "invitee" | "host" | "ring", list: Person[]) =>
    list.map((p) => ({ role, oaAccountId: p.accountId, wecomUserId: p.userId }));
  return [
    ...rows("invitee", people.invitees),
    ...rows("host", people.hosts),
    ...rows("ring", people.ring),
  ];
}

interface StoredMeeting {
  tenantId: string;
  title: string;
  startAt: Date;
  durationSec: number;
  description: string | null;
  location: string | null;
  adminUserId: string;
  settings: unknown;
  isRepeat: boolean;
  repeatType: number | null;
  repeatInterval: number | null;
  repeatUntil: Date | null;
  remindBefore: unknown;
  participants: { role: string; wecomUserId: string }[];
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * The create request for a stored booking. Fields left at WeCom's defaults are still
 * sent as chosen: the form starts from those defaults, so what is sent is what was seen.
 */
export function createInputOf(m: StoredMeeting): CreateMeetingInput {
  const s = m.settings as StoredSettings;
  const ids = (role: string) =>
    m.participants.filter((p) => p.role === role).map((p) => p.wecomUserId);
  const settings: MeetingSettingsInput = {
    password: s.passwordSealed
      ? openSecret(s.passwordSealed, passwordContext(m.tenantId))
      : undefined,
    enableWaitingRoom: s.enableWaitingRoom,
    allowEnterBeforeHost: s.allowEnterBeforeHost,
    remindScope: s.remindScope,
    enableEnterMute: s.enableEnterMute,
    allowExternalUser: s.allowExternalUser,
    enableScreenWatermark: s.enableScreenWatermark,
    hostUserIds: ids("host").length ? ids("host") : undefined,
    ringUserIds: s.remindScope === 4 ? ids("ring") : undefined,
    autoRecordType: s.autoRecordType,
  };
  const remindBefore = (m.remindBefore as number[] | null) ?? [];
  return {
    adminUserId: m.adminUserId,
    title: m.title,
    meetingStart: seconds(m.startAt),
    meetingDuration: m.durationSec,
    description: m.description ?? undefined,
    location: m.location ?? undefined,
    inviteeUserIds: ids("invitee").length ? ids("invitee") : undefined,
    guests: s.guests?.map((g) => ({ area: g.area, phoneNumber: g.phone, guestName: g.name })),
    settings,
    reminders: m.isRepeat
      ? {
          isRepeat: true,
          repeatType: (m.repeatType ?? 0) as 0 | 1 | 2 | 7,
          repeatInterval: (m.repeatInterval ?? undefined) as 1 | 2 | undefined,
          // Ending after N occurrences is sent as the count, never as a date too.
          repeatUntil:
            m.repeatUntil && s.repeatCount === undefined ? seconds(m.repeatUntil) : undefined,
          repeatUntilCount: s.repeatCount,
          repeatDayOfWeek: s.customRepeat?.daysOfWeek,
          repeatDayOfMonth: s.customRepeat?.daysOfMonth,
          remindBefore,
        }
      : { isRepeat: false, remindBefore },
  };
}

/**
 * The row's columns once WeCom accepted a create: its meetingid, in sync, and the code
 * and link when the answer has them (the advanced create page's answer does; without
 * them the meeting's page and the API read them with get_info, api doc meeting/create).
 */
export function createdColumns(created: {
  meetingId: string;
  excessUsers: string[];
  meetingCode?: string;
  meetingLink?: string;
}) {
  return {
    wecomMeetingId: created.meetingId,
    ...(created.meetingCode ? { meetingCode: created.meetingCode } : {}),
    ...(created.meetingLink ? { meetingLink: created.meetingLink } : {}),
    excessUsers: created.excessUsers.length ? created.excessUsers : undefined,
    syncState: "in_sync" as const,
    syncError: null,
    lastSyncedAt: new Date(),
  };
}
