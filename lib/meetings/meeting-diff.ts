// What an edit changes, and the meeting/update that says exactly that. Both sides are
// create inputs (the stored booking through createInputOf, the edited one likewise), so
// they are compared the way WeCom would see them; the field names are the form's, so a
// page can point at them and the audit trail reads like the form.
//
// What goes on the wire (api doc, meeting/update): only what changed, with meeting_start
// and meeting_duration together, and the settings, reminders and invitee list each sent
// whole when anything in it changed (WeCom replaces a block it receives).
import "server-only";
import { formatCivilDate, formatWallClock } from "@/lib/schemas/wall-clock";
import type {
  CreateMeetingInput,
  MeetingSettingsInput,
  UpdateMeetingInput,
  UpdateSettingsInput,
} from "@/lib/wecom";
import type { BookingField } from "./types";

type View = Partial<Record<BookingField, unknown>>;

const GROUPS = {
  title: ["title"],
  timing: ["start", "durationMin"],
  description: ["description"],
  location: ["location"],
  invitees: ["inviteeIds"],
  settings: [
    "password",
    "enableWaitingRoom",
    "allowEnterBeforeHost",
    "remindScope",
    "ringIds",
    "enableEnterMute",
    "allowExternalUser",
    "enableScreenWatermark",
    "hostIds",
  ],
  reminders: [
    "isRepeat",
    "repeatType",
    "repeatInterval",
    "isCustomRepeat",
    "repeatDaysOfWeek",
    "repeatDaysOfMonth",
    "repeatUntil",
    "repeatCount",
    "remindBefore",
  ],
} as const satisfies Record<string, readonly BookingField[]>;

type Group = keyof typeof GROUPS;

const sorted = <T extends string | number>(xs: readonly T[] | undefined): T[] =>
  [...(xs ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** A booking in the form's terms: times as the tenant reads them, lists as sets. */
function viewOf(input: CreateMeetingInput, timeZone: string): View {
  const s = input.settings ?? {};
  const r = input.reminders ?? {};
  const repeat = r.isRepeat === true;
  return {
    title: input.title,
    start: formatWallClock(input.meetingStart, timeZone),
    durationMin: input.meetingDuration / 60,
    description: input.description ?? "",
    location: input.location ?? "",
    inviteeIds: sorted(input.inviteeUserIds),
    password: s.password ?? "",
    enableWaitingRoom: s.enableWaitingRoom,
    allowEnterBeforeHost: s.allowEnterBeforeHost,
    remindScope: s.remindScope,
    ringIds: s.remindScope === 4 ? sorted(s.ringUserIds) : [],
    enableEnterMute: s.enableEnterMute,
    allowExternalUser: s.allowExternalUser,
    enableScreenWatermark: s.enableScreenWatermark,
    hostIds: sorted(s.hostUserIds),
    isRepeat: repeat,
    repeatType: repeat ? (r.repeatType ?? 0) : null,
    repeatInterval: repeat && r.repeatType === 1 ? (r.repeatInterval ?? 1) : null,
    isCustomRepeat: repeat && Boolean(r.repeatDayOfWeek?.length || r.repeatDayOfMonth?.length),
    repeatDaysOfWeek: repeat ? sorted(r.repeatDayOfWeek) : [],
    repeatDaysOfMonth: repeat ? sorted(r.repeatDayOfMonth) : [],
    // The form picks a day; the instant follows the start time (see wireReminders below).
    repeatUntil: repeat && r.repeatUntil ? formatCivilDate(r.repeatUntil, timeZone) : "",
    repeatCount: repeat ? (r.repeatUntilCount ?? null) : null,
    remindBefore: sorted(r.remindBefore),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface MeetingChange {
  /** Form fields whose value changed, in the form's order. */
  changed: BookingField[];
  /** Each changed field as { from, to } for the audit trail; the password never appears. */
  diff: Record<string, { from: unknown; to: unknown }>;
  /** The meeting/update to send, or null when WeCom has nothing to hear. */
  update: UpdateMeetingInput | null;
}

/**
 * Compares the stored booking with the edited one. `everything` sends every field
 * MeetBridge can send (all but the admin): used when the row's last write to WeCom is
 * unconfirmed, so WeCom may hold something other than the row.
 */
export function planUpdate(
  wecomMeetingId: string,
  before: CreateMeetingInput,
  after: CreateMeetingInput,
  timeZone: string,
  everything = false,
): MeetingChange {
  const from = viewOf(before, timeZone);
  const to = viewOf(after, timeZone);
  const changed: BookingField[] = [];
  const diff: MeetingChange["diff"] = {};
  const touched = new Set<Group>();
  for (const [group, fields] of Object.entries(GROUPS) as [Group, readonly BookingField[]][]) {
    for (const field of fields) {
      if (same(from[field], to[field])) continue;
      changed.push(field);
      touched.add(group);
      diff[field] =
        field === "password"
          ? { from: from.password ? "set" : "none", to: to.password ? "set" : "none" }
          : { from: from[field], to: to[field] };
    }
  }
  // The day did not move but the instant did (a new start time): WeCom's repeat_until
  // is an instant, so the reminders block goes out again.
  if (before.reminders?.repeatUntil !== after.reminders?.repeatUntil) touched.add("reminders");
  if (everything) for (const g of Object.keys(GROUPS) as Group[]) touched.add(g);
  if (touched.size === 0) return { changed, diff, update: null };

  const update: UpdateMeetingInput = touched.has("timing")
    ? {
        meetingId: wecomMeetingId,
        meetingStart: after.meetingStart,
        meetingDuration: after.meetingDuration,
      }
    : { meetingId: wecomMeetingId };
  if (touched.has("title")) update.title = after.title;
  // An emptied description or location is sent as "" (leaving it out would keep the old one).
  if (touched.has("description")) update.description = after.description ?? "";
  if (touched.has("location")) update.location = after.location ?? "";
  if (touched.has("invitees")) update.inviteeUserIds = after.inviteeUserIds ?? [];
  if (touched.has("settings")) update.settings = wireSettings(before.settings, after.settings);
  if (touched.has("reminders")) update.reminders = after.reminders;
  return { changed, diff, update };
}

/**
 * The whole settings block; removed hosts are sent as an empty list, not left out.
 * remind_scope always goes with it: WeCom defaults it to 3 (all members) on update but
 * 2 (host only) on create (api doc, meeting/update), so leaving it out would make a
 * password change ring everyone. A booking that never chose one has WeCom's create default.
 */
function wireSettings(
  before: MeetingSettingsInput | undefined,
  after: MeetingSettingsInput | undefined,
): UpdateSettingsInput {
  const s = { ...after, remindScope: after?.remindScope ?? before?.remindScope ?? 2 };
  if (!s.hostUserIds?.length && before?.hostUserIds?.length) s.hostUserIds = [];
  return s;
}
