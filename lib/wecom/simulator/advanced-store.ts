// Keeping and echoing the advanced fields (advanced-fields.ts checked them): guests and
// automatic recording are stored on the meeting and get_info echoes them (98149 lists
// `guests[]`; auto_record_type rides in `settings`). A settings block replaces the stored
// one, so an update's settings without auto_record_type clears it, as for any setting.
import { REPEAT_TYPES } from "../rules.js";
import { advancedSchema } from "./advanced-fields.js";
import type { MeetingReminders, SimMeeting } from "./state.js";

export { checkAdvancedFields } from "./advanced-fields.js";

export function applyAdvancedFields(m: SimMeeting, body: unknown): void {
  const b = advancedSchema.parse(body);
  if (b.guests !== undefined) m.guests = b.guests;
  const record = b.settings?.auto_record_type;
  if (record !== undefined) m.settings.auto_record_type = record;
}

/** The get_info fields for them (none when never set). */
export function advancedInfo(m: SimMeeting): Record<string, unknown> {
  return m.guests?.length ? { guests: m.guests } : {};
}

/**
 * A series' reminders with its custom recurrence and count end (checked already): the
 * chosen weekdays of a weekly series or days of a monthly one, and `repeat_until_count`
 * in place of `repeat_until` when `repeat_until_type` is 1 (API doc, advanced fields).
 */
export function withAdvancedReminders(r: MeetingReminders, body: unknown): MeetingReminders {
  if (r.is_repeat !== 1) return r;
  const a = advancedSchema.parse(body).reminders ?? {};
  const out: MeetingReminders = { ...r };
  const days = (d: number[]) => [...new Set(d)].sort((x, y) => x - y);
  if (a.is_custom_repeat === 1 && r.repeat_type === REPEAT_TYPES.weekly && a.repeat_day_of_week)
    Object.assign(out, { is_custom_repeat: 1, repeat_day_of_week: days(a.repeat_day_of_week) });
  if (a.is_custom_repeat === 1 && r.repeat_type === REPEAT_TYPES.monthly && a.repeat_day_of_month)
    Object.assign(out, { is_custom_repeat: 1, repeat_day_of_month: days(a.repeat_day_of_month) });
  if (a.repeat_until_type === 1 && a.repeat_until_count !== undefined) {
    Object.assign(out, { repeat_until_type: 1, repeat_until_count: a.repeat_until_count });
    delete out.repeat_until;
  }
  return out;
}
