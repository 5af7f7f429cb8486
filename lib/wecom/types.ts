// Typed inputs of the WeCom meeting client. Inputs are camelCase and mapped to the
// wire's snake_case in client.ts, so lib/meetings never spells a wire name. Times are
// Unix seconds and durations seconds, exactly as the API takes them.

export type WecomAppKind = "self_built" | "third_party" | "custom";

/** One app's credentials, already decrypted. Server-only: never send this to a browser. */
export interface WecomAppCredentials {
  id: string;
  tenantId: string;
  name: string;
  kind: WecomAppKind;
  /** self-built / custom: the corp's corpid; third-party: the authorising corp (auth_corpid). */
  corpId: string;
  agentId?: number | null;
  /** Ends with /cgi-bin/. */
  baseUrl: string;
  /** self-built: the app secret; custom: the app secret (its permanent code). */
  secret?: string;
  suiteId?: string;
  suiteSecret?: string;
  suiteTicket?: string;
  permanentCode?: string;
}

export type WecomOperation =
  | "gettoken"
  | "service/get_suite_token"
  | "service/get_corp_token"
  | "meeting/create"
  | "meeting/update"
  | "meeting/cancel"
  | "meeting/get_info"
  | "meeting/get_user_meetingid"
  | "agent/get"
  | "user/get"
  | "oa/calendar/add"
  | "oa/calendar/get"
  | "oa/calendar/del"
  | RoomOperation;

/** oa/meetingroom/* (self-built apps only; room-client.ts). */
export type RoomOperation =
  | "oa/meetingroom/list"
  | "oa/meetingroom/get_booking_info"
  | "oa/meetingroom/book_by_meeting"
  | "oa/meetingroom/cancel_book"
  | "oa/meetingroom/bookinfo/get";

/** "corp" = access_token, "suite" = suite_access_token (third-party apps). */
export type TokenKind = "corp" | "suite";

/** MeetBridge context that goes into the call log. */
export interface CallContext {
  /** MeetBridge's Meeting row id (not the WeCom meetingid). */
  meetingId?: string;
}

export type RemindScope = 1 | 2 | 3 | 4;
export type EnterMute = 0 | 1 | 2;
export type RepeatTypeValue = 0 | 1 | 2 | 7;

export interface MeetingSettingsInput {
  /** 4–6 digits. Redacted in the call log. */
  password?: string;
  enableWaitingRoom?: boolean;
  allowEnterBeforeHost?: boolean;
  remindScope?: RemindScope;
  enableEnterMute?: EnterMute;
  allowExternalUser?: boolean;
  enableScreenWatermark?: boolean;
  hostUserIds?: string[];
  /** Used by WeCom only when remindScope is 4. */
  ringUserIds?: string[];
  /** Advanced, self-built apps only (API doc): automatic recording. */
  autoRecordType?: AutoRecordType;
}

export type AutoRecordType = "none" | "local" | "cloud";

/** A guest invited by phone (advanced, self-built apps only). */
export interface MeetingGuestInput {
  /** Area code without "+", e.g. "86". */
  area: string;
  phoneNumber: string;
  /** At most 16 characters. */
  guestName: string;
}

export interface MeetingRemindersInput {
  isRepeat?: boolean;
  repeatType?: RepeatTypeValue;
  /** Unix seconds; unset = the maximum series length. */
  repeatUntil?: number;
  /** Weekly series only: 1 or 2 (every other week). */
  repeatInterval?: 1 | 2;
  /** Advanced (self-built apps): custom weekly series on these weekdays, 1 Monday … 7 Sunday. */
  repeatDayOfWeek?: number[];
  /** Advanced (self-built apps): custom monthly series on these days, 1–31. */
  repeatDayOfMonth?: number[];
  /** Advanced (self-built apps): the series ends after this many occurrences. */
  repeatUntilCount?: number;
  /** Seconds before start, each one of 0, 300, 900, 3600, 86400. */
  remindBefore?: number[];
}

interface MeetingFields {
  title: string;
  description?: string;
  location?: string;
  inviteeUserIds?: string[];
  calId?: string;
  /** Advanced, self-built apps only: guests by phone. */
  guests?: MeetingGuestInput[];
  settings?: MeetingSettingsInput;
  reminders?: MeetingRemindersInput;
}

export interface CreateMeetingInput extends MeetingFields {
  adminUserId: string;
  /** Unix seconds, later than now. */
  meetingStart: number;
  /** Seconds, 300 ≤ d ≤ 86399. */
  meetingDuration: number;
  /** Only for old multi-app third-party suites. */
  agentId?: number;
}

/** WeCom wants start and duration together or not at all; the type says so. */
type UpdateTiming =
  | { meetingStart: number; meetingDuration: number }
  | { meetingStart?: undefined; meetingDuration?: undefined };

/**
 * An update's settings block always names remind_scope: WeCom defaults it to 3 (all
 * members) on update, not 2 as on create (api doc, meeting/update).
 */
export type UpdateSettingsInput = MeetingSettingsInput & { remindScope: RemindScope };

export type UpdateMeetingInput = Partial<Omit<MeetingFields, "settings">> & {
  settings?: UpdateSettingsInput;
  /** WeCom meetingid. */
  meetingId: string;
} & UpdateTiming;

export interface CancelMeetingInput {
  /** WeCom meetingid. */
  meetingId: string;
  /** Cancels one occurrence of a recurring series; without it the whole series goes. */
  subMeetingId?: string;
}

export interface UserMeetingIdsInput {
  userId: string;
  cursor?: string;
  /** Unix seconds; the window is at most 180 days. */
  beginTime?: number;
  endTime?: number;
  /** At most 100. */
  limit?: number;
}
