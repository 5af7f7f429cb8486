// How a stored meeting looks at a given moment: its occurrences, its status, and the
// get_info echo. Status is derived from the clock rather than stored, so moving the
// simulator clock moves every meeting along with it.
import { maxOccurrences, occurrenceStarts } from "../rules.js";
import { advancedInfo } from "./advanced-store.js";
import { seriesOfReminders } from "./series-of.js";
import { subMeetingsPage } from "./occurrences.js";
import { subMeetingId } from "./occurrence-id.js";
import type { SimMeeting } from "./state.js";

export const STATUS = { booked: 1, inProgress: 2, ended: 3, cancelled: 4, expired: 5 } as const;
export type MeetingStatus = (typeof STATUS)[keyof typeof STATUS];

export interface Occurrence {
  sub_meetingid: string;
  start: number;
  end: number;
  cancelled: boolean;
}

export function isRecurring(m: Pick<SimMeeting, "reminders">): boolean {
  return m.reminders.is_repeat === 1;
}

/** Every occurrence of the meeting (one for a one-off), cancelled ones included. */
export function occurrences(m: SimMeeting, timeZone: string): Occurrence[] {
  const starts = isRecurring(m)
    ? occurrenceStarts(
        seriesOfReminders(m.reminders, m.meeting_start, timeZone),
        maxOccurrences(m.reminders.repeat_type ?? 0, m.reminders.repeat_interval),
      )
    : [m.meeting_start];
  const cancelled = new Set(m.cancelledOccurrences);
  return starts.map((start) => {
    const sub_meetingid = subMeetingId(m.meetingid, start);
    return {
      sub_meetingid,
      start,
      end: start + m.meeting_duration,
      cancelled: cancelled.has(sub_meetingid),
    };
  });
}

/** A recurring series between two occurrences is still 待开始 (booked), as in the WeCom client. */
export function meetingStatus(m: SimMeeting, now: number, timeZone: string): MeetingStatus {
  if (m.cancelled) return STATUS.cancelled;
  const live = occurrences(m, timeZone).filter((o) => !o.cancelled);
  if (live.length === 0) return STATUS.cancelled;
  if (live.some((o) => o.start <= now && now < o.end)) return STATUS.inProgress;
  if (live.every((o) => o.end <= now)) return STATUS.ended;
  return STATUS.booked;
}

export const STATUS_LABEL: Record<MeetingStatus, string> = {
  1: "booked",
  2: "in progress",
  3: "ended",
  4: "cancelled",
  5: "expired",
};

/** Everyone the meeting concerns, for get_user_meetingid and the member pages. */
export function participants(m: SimMeeting): Set<string> {
  return new Set([m.admin_userid, ...m.invitees, ...m.settings.hosts, ...m.settings.ring_users]);
}

export function getInfoBody(m: SimMeeting, now: number, timeZone: string) {
  const status = meetingStatus(m, now, timeZone);
  const all = occurrences(m, timeZone);
  const started = all.some((o) => !o.cancelled && o.start <= now);
  const { hosts, ring_users, password, ...flags } = m.settings;
  const reminders = isRecurring(m)
    ? { ...m.reminders, repeat_until: m.reminders.repeat_until ?? all.at(-1)?.start }
    : { is_repeat: 0, remind_before: m.reminders.remind_before };
  const body: Record<string, unknown> = {
    admin_userid: m.admin_userid,
    title: m.title,
    meeting_start: m.meeting_start,
    meeting_duration: m.meeting_duration,
    description: m.description ?? "",
    location: m.location ?? "",
    status,
    meeting_type: isRecurring(m) ? 1 : 0,
    meeting_code: m.meeting_code,
    meeting_link: m.meeting_link,
    // Nobody has joined before the first start; afterwards the administrator has.
    attendees: {
      member: [...new Set([m.admin_userid, ...m.settings.hosts, ...m.invitees])].map((userid) => ({
        userid,
        status: started && userid === m.admin_userid ? 1 : 2,
      })),
    },
    settings: {
      ...flags,
      ...(password !== undefined ? { password } : {}),
      hosts: { userid: hosts },
      ring_users: { userid: ring_users },
    },
    reminders,
  };
  if (m.cal_id !== undefined) body.cal_id = m.cal_id;
  Object.assign(body, advancedInfo(m));
  if (isRecurring(m)) {
    Object.assign(body, subMeetingsPage(m, all, now));
  }
  return body;
}
