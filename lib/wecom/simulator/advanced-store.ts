// Keeping and echoing the advanced fields (advanced-fields.ts checked them): guests and
// automatic recording are stored on the meeting and get_info echoes them (98149 lists
// `guests[]`; auto_record_type rides in `settings`). A settings block replaces the stored
// one, so an update's settings without auto_record_type clears it, as for any setting.
import { advancedSchema } from "./advanced-fields.js";
import type { SimMeeting } from "./state.js";

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
