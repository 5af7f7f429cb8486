// The rules of a booking that need context: the clock, the directory, the app's visible
// range, the corp's edition. Shared by create and update, which both end in a complete
// booking that must satisfy them all.
import {
  countOccurrences,
  HOSTS_MAX,
  INVITEES_MAX,
  INVITEES_MAX_PAID,
  maxOccurrences,
  MEETING_START_MAX_AHEAD_SEC,
  REPEAT_TYPES,
  REPEAT_UNTIL_MAX_AFTER_START_SEC,
} from "../rules.js";
import { seriesOfReminders } from "./series-of.js";
import type { Reply } from "./auth.js";
import type { RemindersBody, SettingsBody } from "./meeting-schema.js";
import type { SimApp, SimCorp } from "./seed-data.js";
import type { MeetingReminders, MeetingSettings, SimState } from "./state.js";

export type Failure = Reply;

export interface BookingContext {
  state: SimState;
  app: SimApp;
  corp: SimCorp;
  now: number;
}

export interface Booking {
  admin_userid: string;
  meeting_start: number;
  meeting_duration: number;
  invitees: string[];
  settings: MeetingSettings;
  reminders: MeetingReminders;
}

export const invalid = (errmsg: string): Failure => ({ errcode: 40058, errmsg });

const unique = (ids: string[]) => [...new Set(ids)];

export function normalizeSettings(s: SettingsBody = {}): MeetingSettings {
  return {
    ...(s.password !== undefined ? { password: s.password } : {}),
    enable_waiting_room: s.enable_waiting_room ?? false,
    allow_enter_before_host: s.allow_enter_before_host ?? true,
    remind_scope: s.remind_scope ?? 2,
    enable_enter_mute: s.enable_enter_mute ?? 2,
    allow_external_user: s.allow_external_user ?? true,
    enable_screen_watermark: s.enable_screen_watermark ?? false,
    hosts: unique(s.hosts?.userid ?? []),
    ring_users: unique(s.ring_users?.userid ?? []),
  };
}

/** Repeat fields sent with is_repeat 0 have passed the schema and are then ignored. */
export function normalizeReminders(r: RemindersBody = {}): MeetingReminders {
  const remind_before = r.remind_before ?? [];
  if (r.is_repeat !== 1) return { is_repeat: 0, remind_before };
  const repeat_type = r.repeat_type ?? REPEAT_TYPES.daily;
  return {
    is_repeat: 1,
    repeat_type,
    ...(repeat_type === REPEAT_TYPES.weekly ? { repeat_interval: r.repeat_interval ?? 1 } : {}),
    ...(r.repeat_until !== undefined ? { repeat_until: r.repeat_until } : {}),
    remind_before,
  };
}

/** Fields of a create or update body, as sent. */
export interface SentFields {
  cal_id?: string;
  settings?: SettingsBody;
  reminders?: RemindersBody;
}

/**
 * Rules on the fields as sent, before defaults hide what the client actually wrote.
 * `corp` decides what the corp's edition allows.
 */
export function checkSentBlocks(corp: SimCorp, sent: SentFields): Failure | undefined {
  const { settings, reminders } = sent;
  if (reminders?.is_repeat === 1 && reminders.repeat_interval !== undefined) {
    if ((reminders.repeat_type ?? REPEAT_TYPES.daily) !== REPEAT_TYPES.weekly) {
      return invalid(
        "invalid reminders.repeat_interval: only weekly series (repeat_type 1) take an interval",
      );
    }
  }
  const hosts = settings?.hosts?.userid ?? [];
  // API doc: hosts "needs the corp's paid advanced features".
  if (hosts.length > 0 && !corp.paidEdition) {
    return invalid(
      `invalid settings.hosts: hosts need WeCom's paid advanced features, which corp ${corp.corpId} does not have`,
    );
  }
  if (hosts.length > HOSTS_MAX)
    return invalid(`invalid settings.hosts: ${hosts.length} userids, at most ${HOSTS_MAX}`);
  // cal_id (a calendar of the same app; required from third-party apps) is checked
  // against the calendars by checkMeetingCalendar (calendars.ts).
  return undefined;
}

export function checkMember(
  ctx: BookingContext,
  userid: string,
  field: string,
): Failure | undefined {
  if (!ctx.state.member(ctx.corp.corpId, userid)) {
    return { errcode: 60111, errmsg: `userid not found: ${userid} (${field})` };
  }
  if (!ctx.app.visibleUserIds.includes(userid)) {
    return {
      errcode: 60011,
      errmsg: `no privilege to access/modify contact/party/agent: ${userid} (${field}) is outside the visible range of app ${ctx.app.agentId}`,
    };
  }
  return undefined;
}

function checkRecurrence(ctx: BookingContext, b: Booking): Failure | undefined {
  const r = b.reminders;
  // A series ending after N occurrences (repeat_until_type 1) has no repeat_until to check;
  // advanced-fields.ts checks the count against the cap.
  if (r.is_repeat !== 1 || r.repeat_until === undefined) return undefined;
  if (r.repeat_until <= b.meeting_start) {
    return invalid("invalid reminders.repeat_until: must be later than meeting_start");
  }
  if (r.repeat_until - b.meeting_start > REPEAT_UNTIL_MAX_AFTER_START_SEC) {
    return invalid(
      `invalid reminders.repeat_until: ${r.repeat_until} is more than ${REPEAT_UNTIL_MAX_AFTER_START_SEC / 86_400} days after meeting_start (${b.meeting_start}); no series may run that long`,
    );
  }
  const repeatType = r.repeat_type ?? REPEAT_TYPES.daily;
  const max = maxOccurrences(repeatType, r.repeat_interval);
  const n = countOccurrences({
    ...seriesOfReminders(r, b.meeting_start, ctx.corp.timeZone),
    untilSec: r.repeat_until,
  });
  // countOccurrences is infinite for dates it cannot count; the bounds above keep them out.
  if (n > max)
    return invalid(
      `invalid reminders.repeat_until: the series would have ${n} occurrences, at most ${max}`,
    );
  return undefined;
}

/**
 * Checks a complete booking. `startChanged` is false on an update that keeps the
 * stored start, which may by then lie in the past only if the meeting started (and
 * then the update was already refused for its status).
 */
export function checkBooking(
  ctx: BookingContext,
  b: Booking,
  startChanged: boolean,
): Failure | { excessUsers: string[] } {
  if (startChanged && b.meeting_start <= ctx.now) {
    return invalid(`invalid meeting_start: ${b.meeting_start} is not later than now (${ctx.now})`);
  }
  if (startChanged && b.meeting_start > ctx.now + MEETING_START_MAX_AHEAD_SEC) {
    return invalid(
      `invalid meeting_start: ${b.meeting_start} is more than ${MEETING_START_MAX_AHEAD_SEC / 86_400} days after now (${ctx.now}); meetings can be booked at most a year ahead`,
    );
  }
  const recurrence = checkRecurrence(ctx, b);
  if (recurrence) return recurrence;
  const { remind_scope, ring_users } = b.settings;
  if (remind_scope === 4 && ring_users.length === 0) {
    return invalid("invalid settings.ring_users: required when settings.remind_scope is 4");
  }
  if (remind_scope !== 4 && ring_users.length > 0) {
    return invalid(
      `invalid settings.ring_users: only used when settings.remind_scope is 4, got ${remind_scope}`,
    );
  }
  const cap = ctx.corp.paidEdition ? INVITEES_MAX_PAID : INVITEES_MAX;
  if (b.invitees.length > cap && !ctx.corp.reportExcessUsers) {
    return invalid(
      `invalid invitees: ${b.invitees.length} userids, at most ${cap} on this edition`,
    );
  }
  const people: [string, string][] = [
    [b.admin_userid, "admin_userid"],
    ...b.invitees.map((u): [string, string] => [u, "invitees"]),
    ...b.settings.hosts.map((u): [string, string] => [u, "settings.hosts"]),
    ...b.settings.ring_users.map((u): [string, string] => [u, "settings.ring_users"]),
  ];
  for (const [userid, field] of people) {
    const failure = checkMember(ctx, userid, field);
    if (failure) return failure;
  }
  return { excessUsers: b.invitees.slice(cap) };
}

/** The creator is never listed among the hosts (WeCom drops it). */
export function withoutCreator(settings: MeetingSettings, adminUserid: string): MeetingSettings {
  return { ...settings, hosts: settings.hosts.filter((u) => u !== adminUserid) };
}
