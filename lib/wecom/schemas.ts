// zod schemas of WeCom responses. Each one maps the wire's snake_case to the camelCase
// results the client returns. Unknown keys are dropped and fields WeCom documents as
// edition-dependent are optional, so a new WeCom field never breaks a call, while a
// missing field the client relies on (a meetingid, a token) does.
import { z } from "zod";

/** Every response carries errcode/errmsg; gettoken-style replies may omit errcode on success. */
export const envelopeSchema = z.object({
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
});

export const accessTokenSchema = z
  .object({ access_token: z.string().min(1), expires_in: z.number().int().positive() })
  .transform((r) => ({ token: r.access_token, expiresInSec: r.expires_in }));

export const suiteTokenSchema = z
  .object({ suite_access_token: z.string().min(1), expires_in: z.number().int().positive() })
  .transform((r) => ({ token: r.suite_access_token, expiresInSec: r.expires_in }));

const userIdList = z.object({ userid: z.array(z.string()).optional() }).optional();

/**
 * meeting/create's answer. The advanced create page (98148) adds meeting_code and
 * meeting_link; the basic page (99104) has neither, so both are optional and the caller
 * reads them with get_info only when they are missing (api doc, meeting/create).
 */
export const createMeetingSchema = z
  .object({
    meetingid: z.string().min(1),
    excess_users: z.array(z.string()).optional(),
    meeting_code: z.union([z.string(), z.number()]).optional(),
    meeting_link: z.string().optional(),
  })
  .transform((r) => ({
    meetingId: r.meetingid,
    excessUsers: r.excess_users ?? [],
    meetingCode:
      r.meeting_code === undefined || r.meeting_code === "" ? undefined : String(r.meeting_code),
    meetingLink: r.meeting_link || undefined,
  }));

export const updateMeetingSchema = z
  .object({ excess_users: z.array(z.string()).optional() })
  .transform((r) => ({ excessUsers: r.excess_users ?? [] }));

export const emptySchema = z.object({}).transform(() => ({}));

const settingsSchema = z
  .object({
    password: z.string().optional(),
    enable_waiting_room: z.boolean().optional(),
    allow_enter_before_host: z.boolean().optional(),
    remind_scope: z.number().int().optional(),
    enable_enter_mute: z.number().int().optional(),
    allow_external_user: z.boolean().optional(),
    enable_screen_watermark: z.boolean().optional(),
    hosts: userIdList,
    ring_users: userIdList,
    auto_record_type: z.string().optional(),
  })
  .transform((s) => ({
    hasPassword: s.password !== undefined && s.password !== "",
    /** The meeting password as WeCom holds it: server-side only, sealed before it is stored. */
    password: s.password ? s.password : undefined,
    enableWaitingRoom: s.enable_waiting_room,
    allowEnterBeforeHost: s.allow_enter_before_host,
    remindScope: s.remind_scope,
    enableEnterMute: s.enable_enter_mute,
    allowExternalUser: s.allow_external_user,
    enableScreenWatermark: s.enable_screen_watermark,
    hostUserIds: s.hosts?.userid ?? [],
    ringUserIds: s.ring_users?.userid ?? [],
    autoRecordType: s.auto_record_type,
  }));

const remindersSchema = z
  .object({
    is_repeat: z.number().int().optional(),
    repeat_type: z.number().int().optional(),
    repeat_until: z.number().int().optional(),
    repeat_interval: z.number().int().optional(),
    // Advanced (api doc, "Advanced create and update fields"): custom recurrence, count end.
    is_custom_repeat: z.number().int().optional(),
    repeat_day_of_week: z.array(z.number().int()).optional(),
    repeat_day_of_month: z.array(z.number().int()).optional(),
    repeat_until_type: z.number().int().optional(),
    repeat_until_count: z.number().int().optional(),
    remind_before: z.array(z.number().int()).optional(),
  })
  .transform((r) => ({
    isRepeat: r.is_repeat === 1,
    repeatType: r.repeat_type,
    repeatUntil: r.repeat_until,
    repeatInterval: r.repeat_interval,
    ...(r.is_custom_repeat === 1
      ? { repeatDayOfWeek: r.repeat_day_of_week, repeatDayOfMonth: r.repeat_day_of_month }
      : {}),
    ...(r.repeat_until_type === 1 ? { repeatUntilCount: r.repeat_until_count } : {}),
    remindBefore: r.remind_before ?? [],
  }));

/** 1 booked (待开始), 2 in progress, 3 ended, 4 cancelled, 5 expired. */
export const MEETING_STATUS = {
  booked: 1,
  inProgress: 2,
  ended: 3,
  cancelled: 4,
  expired: 5,
} as const;

/** One occurrence in get_info's sub_meetings (advanced page 98149); ids may come as numbers. */
const subMeetingSchema = z.object({
  sub_meetingid: z.union([z.string().min(1), z.number().int()]),
  status: z.number().int(),
  start_time: z.number().int(),
  end_time: z.number().int(),
  title: z.string().optional(),
  repeat_id: z.union([z.string(), z.number()]).optional(),
});

export const meetingInfoSchema = z
  .object({
    meetingid: z.string().optional(),
    admin_userid: z.string(),
    title: z.string(),
    meeting_start: z.number().int(),
    meeting_duration: z.number().int(),
    description: z.string().optional(),
    location: z.string().optional(),
    status: z.number().int(),
    meeting_type: z.number().int().optional(),
    meeting_code: z.union([z.string(), z.number()]).optional(),
    meeting_link: z.string().optional(),
    cal_id: z.string().optional(),
    // get_info lists invitees (and the admin) as attendees; status 2 until they join.
    attendees: z
      .object({
        member: z
          .array(
            z.object({
              userid: z.string(),
              status: z.number().int(),
              first_join_time: z.number().int().optional(),
              last_quit_time: z.number().int().optional(),
            }),
          )
          .optional(),
      })
      .optional(),
    settings: settingsSchema.optional(),
    reminders: remindersSchema.optional(),
    // A series' occurrences: one page of them, never assume it is all (API doc, get_info).
    sub_meetings: z.array(subMeetingSchema).optional(),
    guests: z
      .array(z.object({ area: z.string(), phone_number: z.string(), guest_name: z.string() }))
      .optional(),
    has_more_sub_meeting: z.number().int().optional(),
    remain_sub_meetings: z.number().int().optional(),
    current_sub_meetingid: z.union([z.string(), z.number()]).optional(),
  })
  .transform((m) => ({
    meetingId: m.meetingid,
    adminUserId: m.admin_userid,
    title: m.title,
    meetingStart: m.meeting_start,
    meetingDuration: m.meeting_duration,
    description: m.description,
    location: m.location,
    status: m.status,
    meetingType: m.meeting_type,
    meetingCode: m.meeting_code === undefined ? undefined : String(m.meeting_code),
    meetingLink: m.meeting_link,
    calId: m.cal_id,
    attendees: (m.attendees?.member ?? []).map((a) => ({
      userId: a.userid,
      /** 1 attended, 2 not attended */
      status: a.status,
      firstJoinTime: a.first_join_time,
      lastQuitTime: a.last_quit_time,
    })),
    settings: m.settings,
    reminders: m.reminders,
    /** Undefined when WeCom did not say (basic editions leave the field out). */
    guests: m.guests?.map((g) => ({
      area: g.area,
      phoneNumber: g.phone_number,
      guestName: g.guest_name,
    })),
    subMeetings: (m.sub_meetings ?? []).map((o) => ({
      subMeetingId: String(o.sub_meetingid),
      /** 1 booked, 2 in progress, 3 ended, 4 cancelled, 5 expired */
      status: o.status,
      startTime: o.start_time,
      endTime: o.end_time,
    })),
    hasMoreSubMeetings: m.has_more_sub_meeting === 1,
    remainSubMeetings: m.remain_sub_meetings,
    currentSubMeetingId:
      m.current_sub_meetingid === undefined || m.current_sub_meetingid === ""
        ? undefined
        : String(m.current_sub_meetingid),
  }));

export const userMeetingIdsSchema = z
  .object({ next_cursor: z.string().optional(), meetingid_list: z.array(z.string()).optional() })
  .transform((r) => ({ nextCursor: r.next_cursor ?? "", meetingIds: r.meetingid_list ?? [] }));

export const agentSchema = z
  .object({
    agentid: z.number().int().optional(),
    name: z.string().optional(),
    close: z.number().int().optional(),
    allow_userinfos: z
      .object({ user: z.array(z.object({ userid: z.string() })).optional() })
      .optional(),
    allow_partys: z.object({ partyid: z.array(z.number().int()).optional() }).optional(),
    allow_tags: z.object({ tagid: z.array(z.number().int()).optional() }).optional(),
  })
  .transform((a) => ({
    agentId: a.agentid,
    name: a.name,
    // Same shape as App.visibleRange in prisma/models.prisma.
    visibleRange: {
      users: (a.allow_userinfos?.user ?? []).map((u) => u.userid),
      parties: a.allow_partys?.partyid ?? [],
      tags: a.allow_tags?.tagid ?? [],
      closed: a.close === 1,
    },
  }));

export const userSchema = z
  .object({
    userid: z.string(),
    name: z.string().optional(),
    department: z.array(z.number().int()).optional(),
    status: z.number().int().optional(),
  })
  .transform((u) => ({
    userId: u.userid,
    name: u.name,
    departments: u.department ?? [],
    status: u.status,
  }));

export type MeetingInfo = z.output<typeof meetingInfoSchema>;
export type CreateMeetingResult = z.output<typeof createMeetingSchema>;
export type UpdateMeetingResult = z.output<typeof updateMeetingSchema>;
export type UserMeetingIds = z.output<typeof userMeetingIdsSchema>;
export type AgentInfo = z.output<typeof agentSchema>;
export type WecomUser = z.output<typeof userSchema>;
export type TokenResponse = z.output<typeof accessTokenSchema>;
