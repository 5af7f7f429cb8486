// A stored meeting as the edit form starts from it: the booking form's values, the
// version to send back as expectedVersion, and what the form cannot show (whether a
// password is set; participants without an OA account, which an edit keeps).
import "server-only";
import type { BookingValues } from "@/lib/schemas/booking";
import { formatCivilDate, formatWallClock } from "@/lib/schemas/wall-clock";
import { loadManagedMeeting, type ManagedMeeting } from "./managed-meeting";
import type { MeetingStatusName } from "./status";
import type { StoredSettings } from "./stored-booking";
import type { MeetingActor } from "./types";

export interface MeetingForEdit {
  meetingId: string;
  /** Send it back unchanged as updateMeeting's expectedVersion. */
  version: number;
  status: MeetingStatusName;
  /** Booked and confirmed by WeCom: updateMeeting may be called. */
  editable: boolean;
  values: BookingValues;
  /** The password field starts empty (empty keeps it); this says whether one is set. */
  hasPassword: boolean;
  /** Participants the form cannot show (no OA account): kept as they are by an edit. */
  unmapped: { role: "invitee" | "host" | "ring"; wecomUserId: string }[];
  createdById: string | null;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export async function meetingForEdit(
  actor: MeetingActor,
  meetingId: string,
): Promise<MeetingForEdit | null> {
  const m = await loadManagedMeeting(actor, meetingId);
  return m ? editValuesOf(actor, m) : null;
}

/** The edit form's start from a meeting already loaded (the API's answer reads it once). */
export function editValuesOf(
  actor: Pick<MeetingActor, "timeZone">,
  m: ManagedMeeting,
): MeetingForEdit {
  const s = (m.settings ?? {}) as Partial<StoredSettings>;
  const ids = (role: string) =>
    m.participants
      .filter((p) => p.role === role && p.oaAccountId !== null)
      .map((p) => p.oaAccountId!);
  const values: BookingValues = {
    // Unused by an edit (the version guards it), but the shared schema wants one.
    idempotencyKey: `edit-${m.id}`.slice(0, 64),
    appId: m.appId,
    adminId: m.adminAccountId,
    title: m.title,
    start: formatWallClock(seconds(m.startAt), actor.timeZone),
    durationMin: Math.round(m.durationSec / 60),
    description: m.description ?? "",
    location: m.location ?? "",
    inviteeIds: ids("invitee"),
    password: "",
    enableWaitingRoom: s.enableWaitingRoom ?? false,
    allowEnterBeforeHost: s.allowEnterBeforeHost ?? true,
    remindScope: s.remindScope ?? 2,
    ringIds: ids("ring"),
    enableEnterMute: s.enableEnterMute ?? 2,
    allowExternalUser: s.allowExternalUser ?? true,
    enableScreenWatermark: s.enableScreenWatermark ?? false,
    hostIds: ids("host"),
    isRepeat: m.isRepeat,
    repeatType: (m.repeatType ?? 0) as BookingValues["repeatType"],
    repeatInterval: (m.repeatInterval ?? 1) as BookingValues["repeatInterval"],
    // A series ending after N occurrences keeps its last one as the end date: the form
    // shows the count instead.
    repeatUntil:
      m.repeatUntil && s.repeatCount === undefined
        ? formatCivilDate(seconds(m.repeatUntil), actor.timeZone)
        : "",
    remindBefore: ((m.remindBefore as number[] | null) ?? []) as BookingValues["remindBefore"],
    ...(s.autoRecordType ? { autoRecordType: s.autoRecordType } : {}),
    ...(s.guests?.length ? { guests: s.guests } : {}),
    ...editedRecurrence(s),
  };
  return {
    meetingId: m.id,
    version: m.version,
    status: m.status,
    editable: m.status === "booked" && m.wecomMeetingId !== null,
    values,
    hasPassword: s.hasPassword ?? Boolean(s.passwordSealed),
    unmapped: m.participants
      .filter((p) => p.oaAccountId === null)
      .map((p) => ({ role: p.role, wecomUserId: p.wecomUserId })),
    createdById: m.createdById,
  };
}

/** Custom recurrence and a count end as the form holds them (the settings JSON keeps them). */
function editedRecurrence(s: Partial<StoredSettings>): Partial<BookingValues> {
  const c = s.customRepeat;
  return {
    ...(c?.daysOfWeek?.length ? { isCustomRepeat: true, repeatDaysOfWeek: c.daysOfWeek } : {}),
    ...(c?.daysOfMonth?.length ? { isCustomRepeat: true, repeatDaysOfMonth: c.daysOfMonth } : {}),
    ...(s.repeatCount !== undefined ? { repeatCount: s.repeatCount } : {}),
  };
}
