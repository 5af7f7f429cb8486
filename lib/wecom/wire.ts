// Typed inputs → WeCom request bodies (snake_case; booleans where WeCom wants 0/1).
// JSON.stringify drops undefined keys, so an unset input never reaches WeCom.
import type {
  CreateMeetingInput,
  MeetingGuestInput,
  MeetingRemindersInput,
  MeetingSettingsInput,
  UpdateMeetingInput,
  UserMeetingIdsInput,
} from "./types.ts";

const userIds = (ids: string[] | undefined) => (ids === undefined ? undefined : { userid: ids });

function settingsBody(s: MeetingSettingsInput | undefined) {
  if (!s) return undefined;
  return {
    password: s.password,
    enable_waiting_room: s.enableWaitingRoom,
    allow_enter_before_host: s.allowEnterBeforeHost,
    remind_scope: s.remindScope,
    enable_enter_mute: s.enableEnterMute,
    allow_external_user: s.allowExternalUser,
    enable_screen_watermark: s.enableScreenWatermark,
    hosts: userIds(s.hostUserIds),
    ring_users: userIds(s.ringUserIds),
    // Advanced (self-built apps only): never sent unless chosen.
    auto_record_type: s.autoRecordType,
  };
}

const guestsBody = (guests: MeetingGuestInput[] | undefined) =>
  guests?.map((g) => ({ area: g.area, phone_number: g.phoneNumber, guest_name: g.guestName }));

function customRepeatBody(r: MeetingRemindersInput) {
  const custom = Boolean(r.repeatDayOfWeek?.length || r.repeatDayOfMonth?.length);
  return {
    ...(custom
      ? {
          is_custom_repeat: 1,
          ...(r.repeatDayOfWeek?.length ? { repeat_day_of_week: r.repeatDayOfWeek } : {}),
          ...(r.repeatDayOfMonth?.length ? { repeat_day_of_month: r.repeatDayOfMonth } : {}),
        }
      : {}),
    ...(r.repeatUntilCount !== undefined
      ? { repeat_until_type: 1, repeat_until_count: r.repeatUntilCount }
      : {}),
  };
}

function remindersBody(r: MeetingRemindersInput | undefined) {
  if (!r) return undefined;
  const repeat = r.isRepeat === true;
  return {
    is_repeat: r.isRepeat === undefined ? undefined : repeat ? 1 : 0,
    // MeetBridge never sends repeat fields for a one-off meeting (api doc).
    repeat_type: repeat ? r.repeatType : undefined,
    repeat_until: repeat ? r.repeatUntil : undefined,
    repeat_interval: repeat ? r.repeatInterval : undefined,
    // Advanced, self-built apps only (api doc, "Advanced create and update fields"):
    // custom recurrence and an end after N occurrences; never sent unless chosen.
    ...customRepeatBody(repeat ? r : {}),
    remind_before: r.remindBefore,
  };
}

export function createBody(input: CreateMeetingInput) {
  return {
    admin_userid: input.adminUserId,
    title: input.title,
    meeting_start: input.meetingStart,
    meeting_duration: input.meetingDuration,
    description: input.description,
    location: input.location,
    agentid: input.agentId,
    invitees: userIds(input.inviteeUserIds),
    cal_id: input.calId,
    guests: guestsBody(input.guests),
    settings: settingsBody(input.settings),
    reminders: remindersBody(input.reminders),
  };
}

/** admin_userid and agentid are never sent in an update (WeCom refuses them). */
export function updateBody(input: UpdateMeetingInput) {
  return {
    meetingid: input.meetingId,
    title: input.title,
    meeting_start: input.meetingStart,
    meeting_duration: input.meetingDuration,
    description: input.description,
    location: input.location,
    invitees: userIds(input.inviteeUserIds),
    cal_id: input.calId,
    guests: guestsBody(input.guests),
    settings: settingsBody(input.settings),
    reminders: remindersBody(input.reminders),
  };
}

export function userMeetingIdsBody(input: UserMeetingIdsInput) {
  return {
    userid: input.userId,
    cursor: input.cursor ?? "0",
    begin_time: input.beginTime,
    end_time: input.endTime,
    limit: input.limit,
  };
}
