// Request-body shapes of the meeting calls. Types are strict on purpose (a password is
// a string, booleans are true/false): the client must not get away with anything real
// WeCom might refuse. Limits that need no context live here; the rest in validate-meeting.ts.
import { z } from "zod";
import {
  CAL_ID_MAX_BYTES,
  codePoints,
  DESCRIPTION_MAX_BYTES,
  DURATION_MAX_SEC,
  DURATION_MIN_SEC,
  ENTER_MUTE_VALUES,
  LOCATION_MAX_CHARS,
  MEETING_TIME_MAX_SEC,
  PASSWORD_RE,
  REMIND_BEFORE_VALUES,
  REMIND_SCOPES,
  REPEAT_INTERVALS,
  REPEAT_TYPE_VALUES,
  TITLE_MAX_UNITS,
  titleUnits,
  utf8Bytes,
} from "../rules.js";

const int = z.number().int();
const oneOf = (values: readonly number[], what: string) =>
  int.refine((v) => values.includes(v), `must be one of ${values.join(", ")} (${what})`);

/** A Unix time a calendar can hold; the limits relative to now and to the start are in validate-meeting.ts. */
const time = int
  .positive()
  .max(MEETING_TIME_MAX_SEC, `must be at most ${MEETING_TIME_MAX_SEC} (2099-12-31T23:59:59Z)`);

const userList = z.object({ userid: z.array(z.string().min(1, "must not be an empty userid")) });

const title = z.string().superRefine((s, ctx) => {
  if (s.trim() === "") ctx.addIssue({ code: "custom", message: "must not be empty" });
  const units = titleUnits(s);
  if (units > TITLE_MAX_UNITS) {
    ctx.addIssue({
      code: "custom",
      message: `is ${units} units, at most ${TITLE_MAX_UNITS} (ASCII 1, other characters 2)`,
    });
  }
});

const description = z.string().superRefine((s, ctx) => {
  const bytes = utf8Bytes(s);
  if (bytes > DESCRIPTION_MAX_BYTES) {
    ctx.addIssue({
      code: "custom",
      message: `is ${bytes} UTF-8 bytes, at most ${DESCRIPTION_MAX_BYTES}`,
    });
  }
});

const location = z.string().superRefine((s, ctx) => {
  const n = codePoints(s);
  if (n > LOCATION_MAX_CHARS)
    ctx.addIssue({ code: "custom", message: `is ${n} characters, at most ${LOCATION_MAX_CHARS}` });
});

const calId = z
  .string()
  .refine((s) => utf8Bytes(s) <= CAL_ID_MAX_BYTES, `must be at most ${CAL_ID_MAX_BYTES} bytes`);

export const settingsSchema = z.object({
  password: z.string().regex(PASSWORD_RE, "must be 4 to 6 digits").optional(),
  enable_waiting_room: z.boolean().optional(),
  allow_enter_before_host: z.boolean().optional(),
  remind_scope: oneOf(REMIND_SCOPES, "1 no ring, 2 host only, 3 all, 4 ring_users").optional(),
  enable_enter_mute: oneOf(ENTER_MUTE_VALUES, "0 off, 1 on, 2 above 6 people").optional(),
  allow_external_user: z.boolean().optional(),
  enable_screen_watermark: z.boolean().optional(),
  hosts: userList.optional(),
  ring_users: userList.optional(),
});

export const remindersSchema = z.object({
  is_repeat: oneOf([0, 1], "0 one-off, 1 recurring").optional(),
  repeat_type: oneOf(REPEAT_TYPE_VALUES, "0 daily, 1 weekly, 2 monthly, 7 workday").optional(),
  repeat_interval: oneOf(REPEAT_INTERVALS, "every 1 or 2 weeks").optional(),
  repeat_until: time.optional(),
  remind_before: z.array(oneOf(REMIND_BEFORE_VALUES, "seconds before start")).optional(),
});

const bookingFields = {
  title,
  meeting_start: time,
  meeting_duration: int
    .min(DURATION_MIN_SEC, `must be at least ${DURATION_MIN_SEC} seconds`)
    .max(DURATION_MAX_SEC, `must be at most ${DURATION_MAX_SEC} seconds`),
  description: description.optional(),
  location: location.optional(),
  invitees: userList.optional(),
  cal_id: calId.optional(),
  settings: settingsSchema.optional(),
  reminders: remindersSchema.optional(),
};

export const createSchema = z.object({
  admin_userid: z.string().min(1, "must not be empty"),
  ...bookingFields,
  agentid: int.optional(),
});

export const updateSchema = z.object({
  meetingid: z.string().min(1, "must not be empty"),
  ...bookingFields,
  title: title.optional(),
  meeting_start: bookingFields.meeting_start.optional(),
  meeting_duration: bookingFields.meeting_duration.optional(),
});

export const cancelSchema = z.object({
  meetingid: z.string().min(1, "must not be empty"),
  sub_meetingid: z.string().min(1, "must not be empty").optional(),
});

export const getInfoSchema = z.object({ meetingid: z.string().min(1, "must not be empty") });

export const userMeetingsSchema = z.object({
  userid: z.string().min(1, "must not be empty"),
  cursor: z.string().regex(/^\d*$/, "must be a cursor returned by an earlier call").optional(),
  begin_time: int.nonnegative().optional(),
  end_time: int.nonnegative().optional(),
  limit: int.min(1, "must be at least 1").max(100, "must be at most 100").optional(),
});

export type CreateBody = z.infer<typeof createSchema>;
export type UpdateBody = z.infer<typeof updateSchema>;
export type SettingsBody = z.infer<typeof settingsSchema>;
export type RemindersBody = z.infer<typeof remindersSchema>;

/** A zod failure as a WeCom-style errmsg naming the field: "invalid settings.password: must be 4 to 6 digits". */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid parameter";
  const field = issue.path.join(".") || "body";
  if (issue.code === "invalid_type" && issue.input === undefined)
    return `missing ${field}: it is required`;
  if (issue.code === "invalid_type") return `invalid ${field}: expected ${issue.expected}`;
  return `invalid ${field}: ${issue.message}`;
}
