// How get_info lists the occurrences of a series (wecom-meeting-api.md, meeting/get_info,
// advanced page 98149): `sub_meetings[]` {sub_meetingid, status, start_time, end_time,
// title, repeat_id}, `has_more_sub_meeting`, `remain_sub_meetings`,
// `current_sub_meetingid` and `sub_repeat_list[]`. The doc says never to assume the list
// holds every occurrence; the simulator makes that true: it lists one bounded page, from
// the occurrence in progress or next (cancelled ones included, they are the exceptions),
// so a client that treats the page as the whole series fails here as it would on WeCom.
import type { Occurrence } from "./meeting-view.js";
import { repeatId } from "./occurrence-id.js";
import type { SimMeeting } from "./state.js";

/** Occurrences per get_info answer. The doc gives no number: a small page is the stricter reading. */
export const SUB_MEETINGS_PAGE = 10;

/** Status of one occurrence (1 booked, 2 in progress, 3 ended, 4 cancelled), as get_info's. */
export function subMeetingStatus(o: Occurrence, now: number): 1 | 2 | 3 | 4 {
  if (o.cancelled) return 4;
  if (now < o.start) return 1;
  return now < o.end ? 2 : 3;
}

/** The rules in force, as sub_repeat_list[] gives them, with the id each occurrence names. */
export function repeatRules(m: SimMeeting, lastStart: number | undefined) {
  const r = m.reminders;
  const rules = {
    repeat_type: r.repeat_type ?? 0,
    ...(r.repeat_interval !== undefined ? { repeat_interval: r.repeat_interval } : {}),
    // Advanced (self-built apps): custom recurrence and a count end, as created.
    ...(r.is_custom_repeat === 1
      ? {
          is_custom_repeat: 1,
          ...(r.repeat_day_of_week ? { repeat_day_of_week: r.repeat_day_of_week } : {}),
          ...(r.repeat_day_of_month ? { repeat_day_of_month: r.repeat_day_of_month } : {}),
        }
      : {}),
    ...(r.repeat_until_type === 1
      ? { repeat_until_type: 1, repeat_until_count: r.repeat_until_count }
      : {}),
    repeat_until: r.repeat_until ?? lastStart ?? m.meeting_start,
  };
  return {
    repeat_id: repeatId(m.meetingid, [m.meeting_start, m.meeting_duration, rules]),
    ...rules,
  };
}

export function subMeetingsPage(m: SimMeeting, all: Occurrence[], now: number) {
  const rules = repeatRules(m, all.at(-1)?.start);
  const from = all.findIndex((o) => o.end > now);
  const ahead = from === -1 ? [] : all.slice(from);
  const page = ahead.slice(0, SUB_MEETINGS_PAGE);
  const current = ahead.find((o) => !o.cancelled);
  return {
    current_sub_meetingid: current?.sub_meetingid ?? "",
    sub_meetings: page.map((o) => ({
      sub_meetingid: o.sub_meetingid,
      status: subMeetingStatus(o, now),
      start_time: o.start,
      end_time: o.end,
      title: m.title,
      repeat_id: rules.repeat_id,
    })),
    has_more_sub_meeting: ahead.length > page.length ? 1 : 0,
    remain_sub_meetings: ahead.filter((o) => !o.cancelled).length,
    sub_repeat_list: [rules],
  };
}
