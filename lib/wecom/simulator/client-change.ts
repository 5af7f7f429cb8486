// A member changes or cancels a meeting in the WeCom client, outside any app: the one
// code path behind POST /__sim/meetings/:meetingid and the member pages' forms. WeCom
// then calls back the app that created the meeting (modify_meeting / cancel_meeting).
import { z } from "zod";
import { notifyMeetingChange } from "./callback-events.js";
import { cancelOccurrence } from "./occurrence-cancel.js";
import type { Delivery } from "./callback-sender.js";
import { followMeetingRoom } from "./rooms-follow.js";
import type { SimMeeting, SimState } from "./state.js";

/** What a member can change in the WeCom client (a test "edits in WeCom"). */
export const clientChangeSchema = z
  .object({
    title: z.string().min(1).max(40).optional(),
    meeting_start: z.number().int().optional(),
    meeting_duration: z.number().int().min(300).optional(),
    location: z.string().max(128).optional(),
    cancel: z.literal(true).optional(),
    /** Cancels one occurrence of a series (its sub_meetingid), as a member can in the client. */
    cancel_sub_meetingid: z.string().min(1).optional(),
    /** Who acts (the callback's FromUserName); default the meeting's administrator. */
    userid: z.string().min(1).optional(),
    /** false: no callback goes out (an event WeCom lost): only a sync can find the change. */
    notify: z.boolean().optional(),
  })
  .strict();
export type ClientChange = z.infer<typeof clientChangeSchema>;

export interface ClientChangeResult {
  /** The callback sent, if anything changed and the app has a callback. */
  changeType?: "modify_meeting" | "cancel_meeting";
  delivery?: Delivery;
  /** The change was refused (an occurrence that is not booked): WeCom's reason. */
  refused?: string;
}

export function applyClientChange(
  state: SimState,
  m: SimMeeting,
  change: ClientChange,
): ClientChangeResult {
  const { cancel, cancel_sub_meetingid: sub, userid, notify, ...fields } = change;
  if (sub !== undefined) {
    // The callback names only the meeting (samples carry no sub-meeting id): the app must
    // read get_info to learn which occurrence went. cancel_meeting is the stricter event:
    // an app that takes it for the whole series without reading is wrong here.
    const tz = state.corps.get(m.corpId)?.timeZone ?? "Asia/Shanghai";
    const refused = cancelOccurrence(state, m, sub, tz);
    if (refused) return { refused: refused.errmsg };
    if (notify === false) return { changeType: "cancel_meeting" };
    const delivery = notifyMeetingChange(state, m, "cancel_meeting", userid ?? m.admin_userid);
    return { changeType: "cancel_meeting", delivery };
  }
  const modified = (Object.keys(fields) as (keyof typeof fields)[]).some(
    (k) => fields[k] !== undefined && fields[k] !== m[k],
  );
  const cancelling = cancel === true && !m.cancelled;
  const moved =
    (fields.meeting_start !== undefined && fields.meeting_start !== m.meeting_start) ||
    (fields.meeting_duration !== undefined && fields.meeting_duration !== m.meeting_duration);
  Object.assign(m, fields);
  if (cancel) m.cancelled = true;
  state.changed();
  const changeType = cancelling ? "cancel_meeting" : modified ? "modify_meeting" : undefined;
  if (!changeType) return {};
  const from = userid ?? m.admin_userid;
  const notifying = notify !== false;
  const delivery = notifying ? notifyMeetingChange(state, m, changeType, from) : undefined;
  // After the meeting's own event, as WeCom re-books the room once the meeting moved.
  followMeetingRoom(state, m, { moved, cancelled: cancelling, from, notify: notifying });
  return notifying ? { changeType, delivery } : { changeType };
}
