// The booking form's fields as its labels name them (messages under "booking"), for
// the edit toast and the audit trail. Client-safe.
import type { BookingValues } from "@/lib/schemas/booking-values";

export const FIELD_LABEL_KEYS = {
  appId: "app",
  adminId: "admin",
  title: "meetingTitle",
  start: "start",
  durationMin: "duration",
  description: "meetingDescription",
  location: "location",
  inviteeIds: "invitees",
  password: "password",
  enableWaitingRoom: "waitingRoom",
  allowEnterBeforeHost: "enterBeforeHost",
  remindScope: "remindScope",
  ringIds: "ringMembers",
  enableEnterMute: "enterMute",
  allowExternalUser: "externalUsers",
  enableScreenWatermark: "watermark",
  hostIds: "hosts",
  isRepeat: "isRepeat",
  repeatType: "repeatType",
  repeatInterval: "repeatInterval",
  isCustomRepeat: "repeatType",
  repeatDaysOfWeek: "repeatDaysOfWeek",
  repeatDaysOfMonth: "repeatDaysOfMonth",
  repeatUntil: "repeatUntil",
  repeatCount: "repeatCount",
  remindBefore: "remindBefore",
} as const satisfies Partial<Record<keyof BookingValues, string>>;

export type LabelledField = keyof typeof FIELD_LABEL_KEYS;

export const isLabelledField = (f: string): f is LabelledField => f in FIELD_LABEL_KEYS;
