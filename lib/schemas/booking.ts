// The booking form's one schema (product.md "The booking form"): used by zodResolver in
// the browser, by the book action on the server before anything else, and by the HTTP
// API. Messages are keys (lib/schemas/messages.ts). Rules that need context (the clock,
// the tenant's time zone, the app's invitee cap) come in through bookingSchema().
// Client-safe: no server imports.
import { z } from "zod";
import {
  DESCRIPTION_MAX_BYTES,
  HOSTS_MAX,
  INVITEES_MAX_PAID,
  LOCATION_MAX_CHARS,
  PASSWORD_RE,
  REMIND_BEFORE_VALUES,
  TITLE_MAX_UNITS,
  codePoints,
  titleUnits,
  utf8Bytes,
  AUTO_RECORD_TYPES,
  GUEST_AREA_RE,
  GUEST_NAME_MAX,
  GUEST_PHONE_RE,
  GUESTS_MAX,
  REPEAT_MONTH_DAYS_MAX,
  REPEAT_TYPES,
  REPEAT_WEEKDAYS,
} from "@/lib/wecom/rules";
import { msg, typeError } from "./messages";
import {
  DURATION_MAX_MIN,
  DURATION_MIN_MIN,
  START_MAX_AHEAD_SEC,
  isCustomRepeat,
  occurrenceCount,
  repeatUntilSec,
  seriesCap,
  type BookingRuleContext,
  type BookingValues,
} from "./booking-values";
import { parseCivilDate, parseWallClock } from "./wall-clock";

export * from "./booking-values";

const id = z.string(typeError()).trim().min(1, msg("required")).max(64, msg("invalid"));
const ids = z
  .array(z.string(typeError()).min(1, msg("invalid")).max(64, msg("invalid")), typeError())
  .max(1000, msg("invalid"));
const flag = z.boolean(typeError());

export const bookingFieldsSchema = z.object({
  /** Chosen by the form once per submission; the same key never books twice. */
  idempotencyKey: z.string(typeError()).trim().min(8, msg("invalid")).max(64, msg("invalid")),
  appId: id,
  adminId: id,
  title: z
    .string(typeError())
    .trim()
    .min(1, msg("required"))
    .refine((s) => titleUnits(s) <= TITLE_MAX_UNITS, {
      message: msg("titleTooLong", { max: TITLE_MAX_UNITS }),
    }),
  /** Wall-clock "YYYY-MM-DDTHH:mm" in the tenant's time zone. */
  start: z
    .string(typeError(msg("startInvalid")))
    .trim()
    .min(1, msg("required"))
    .max(32, msg("startInvalid")),
  durationMin: z
    .number(typeError(msg("durationWhole")))
    .int(msg("durationWhole"))
    .min(DURATION_MIN_MIN, msg("durationTooShort", { min: DURATION_MIN_MIN }))
    .max(DURATION_MAX_MIN, msg("durationTooLong")),
  description: z.string(typeError()).refine((s) => utf8Bytes(s) <= DESCRIPTION_MAX_BYTES, {
    message: msg("descriptionTooLong", { max: DESCRIPTION_MAX_BYTES }),
  }),
  location: z.string(typeError()).refine((s) => codePoints(s) <= LOCATION_MAX_CHARS, {
    message: msg("locationTooLong", { max: LOCATION_MAX_CHARS }),
  }),
  inviteeIds: ids,
  password: z
    .string(typeError(msg("passwordDigits")))
    .trim()
    .refine((s) => s === "" || PASSWORD_RE.test(s), {
      message: msg("passwordDigits"),
    }),
  enableWaitingRoom: flag,
  allowEnterBeforeHost: flag,
  /** 1 no ring, 2 host only, 3 all members, 4 chosen members */
  remindScope: z.literal([1, 2, 3, 4], typeError()),
  ringIds: ids,
  /** 0 off, 1 on, 2 on above 6 people */
  enableEnterMute: z.literal([0, 1, 2], typeError()),
  allowExternalUser: flag,
  enableScreenWatermark: flag,
  hostIds: ids,
  isRepeat: flag,
  /** 0 daily, 1 weekly, 2 monthly, 7 every workday */
  repeatType: z.literal([0, 1, 2, 7], typeError()),
  repeatInterval: z.literal([1, 2], typeError()),
  /** "YYYY-MM-DD" in the tenant's time zone, or "" for the longest series WeCom allows. */
  repeatUntil: z
    .string(typeError(msg("repeatUntilInvalid")))
    .trim()
    .max(10, msg("repeatUntilInvalid")),
  remindBefore: z
    .array(z.literal(REMIND_BEFORE_VALUES, typeError()), typeError())
    .max(5, msg("invalid")),
  guests: z
    .array(
      z.strictObject({
        area: z.string().trim().regex(GUEST_AREA_RE, msg("guestArea")),
        phone: z.string().trim().regex(GUEST_PHONE_RE, msg("guestPhone")),
        name: z
          .string()
          .trim()
          .min(1, msg("required"))
          .refine((s) => [...s].length <= GUEST_NAME_MAX, {
            message: msg("guestNameTooLong", { max: GUEST_NAME_MAX }),
          }),
      }),
    )
    .max(GUESTS_MAX, msg("tooManyGuests", { max: GUESTS_MAX }))
    .optional(),
  autoRecordType: z.enum(AUTO_RECORD_TYPES, msg("invalid")).optional(),
  // Custom recurrence (API doc, "Advanced create and update fields": `is_custom_repeat`,
  // `repeat_day_of_week[]` 1–7, `repeat_day_of_month[]` 1–31, `repeat_until_type` 1 with
  // `repeat_until_count`).
  isCustomRepeat: flag.optional(),
  repeatDaysOfWeek: z
    .array(
      z
        .number(typeError())
        .int(msg("invalid"))
        .min(1, msg("invalid"))
        .max(REPEAT_WEEKDAYS.length, msg("invalid")),
      typeError(),
    )
    .max(REPEAT_WEEKDAYS.length, msg("invalid"))
    .optional(),
  repeatDaysOfMonth: z
    .array(
      z
        .number(typeError())
        .int(msg("invalid"))
        .min(1, msg("invalid"))
        .max(REPEAT_MONTH_DAYS_MAX, msg("invalid")),
      typeError(),
    )
    .max(REPEAT_MONTH_DAYS_MAX, msg("invalid"))
    .optional(),
  repeatCount: z
    .number(typeError(msg("repeatCountWhole")))
    .int(msg("repeatCountWhole"))
    .min(1, msg("repeatCountWhole"))
    .nullable()
    .optional(),
});

/**
 * The rules that need the clock, the time zone or the app: one place for all callers. One
 * schema per context (time zone, invitee cap, app kind), made on first use: zod compiles
 * a schema's parser the first time it parses, so a schema made per request cost every
 * booking that compile (0.29 ms a parse against 0.03 ms). A pinned clock (tests) gets
 * its own schema.
 */
export function bookingSchema(c: BookingRuleContext) {
  if (c.nowSec) return buildBookingSchema(c);
  const key = `${c.timeZone}\n${c.maxInvitees ?? ""}\n${c.appKind ?? ""}`;
  let schema = schemaByContext.get(key);
  if (!schema) {
    if (schemaByContext.size >= SCHEMAS_KEPT) schemaByContext.clear();
    schema = buildBookingSchema({
      timeZone: c.timeZone,
      maxInvitees: c.maxInvitees,
      appKind: c.appKind,
    });
    schemaByContext.set(key, schema);
  }
  return schema;
}

/** Contexts are few (a tenant's zone, its apps' caps and kinds); a bound all the same. */
const SCHEMAS_KEPT = 256;
const schemaByContext = new Map<string, ReturnType<typeof buildBookingSchema>>();

function buildBookingSchema(c: BookingRuleContext) {
  return bookingFieldsSchema.superRefine((v, ctx) => {
    const issue = (path: keyof BookingValues, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    const now = c.nowSec ? c.nowSec() : Math.floor(Date.now() / 1000);

    const startSec = parseWallClock(v.start, c.timeZone);
    if (v.start !== "" && startSec === undefined) issue("start", msg("startInvalid"));
    else if (startSec !== undefined && startSec <= now) issue("start", msg("startInPast"));
    else if (startSec !== undefined && startSec > now + START_MAX_AHEAD_SEC)
      issue("start", msg("startTooFar"));

    const max = c.maxInvitees ?? INVITEES_MAX_PAID;
    if (new Set(v.inviteeIds).size > max) issue("inviteeIds", msg("tooManyInvitees", { max }));
    if (new Set(v.hostIds).size > HOSTS_MAX)
      issue("hostIds", msg("tooManyHosts", { max: HOSTS_MAX }));
    if (v.remindScope === 4 && v.ringIds.length === 0) issue("ringIds", msg("ringRequired"));
    if (new Set(v.remindBefore).size !== v.remindBefore.length)
      issue("remindBefore", msg("invalid"));
    // API doc: the advanced fields are documented for self-built apps only.
    if (c.appKind !== undefined && c.appKind !== "self_built") {
      if (v.guests?.length) issue("guests", msg("advancedSelfBuiltOnly"));
      if (v.autoRecordType !== undefined && v.autoRecordType !== "none")
        issue("autoRecordType", msg("advancedSelfBuiltOnly"));
      if (v.isRepeat && v.isCustomRepeat) issue("isCustomRepeat", msg("advancedSelfBuiltOnly"));
      if (v.isRepeat && v.repeatCount != null) issue("repeatCount", msg("advancedSelfBuiltOnly"));
    }
    if (!v.isRepeat) return;

    // Custom recurrence: a weekly series on chosen weekdays or a monthly one on chosen days.
    if (v.isCustomRepeat && !isCustomRepeat(v)) issue("repeatType", msg("customRepeatType"));
    else if (v.isCustomRepeat && v.repeatType === REPEAT_TYPES.weekly) {
      if (!v.repeatDaysOfWeek?.length) issue("repeatDaysOfWeek", msg("repeatDaysRequired"));
    } else if (v.isCustomRepeat && !v.repeatDaysOfMonth?.length)
      issue("repeatDaysOfMonth", msg("repeatDaysRequired"));

    // Ending after N occurrences (repeat_until_type 1): N within WeCom's cap, no date too.
    if (v.repeatCount != null) {
      const cap = seriesCap(v);
      if (v.repeatUntil !== "") issue("repeatUntil", msg("repeatEndBoth"));
      if (v.repeatCount > cap) issue("repeatCount", msg("repeatCountTooMany", { max: cap }));
      return;
    }

    if (v.repeatUntil === "") return;
    const day = parseCivilDate(v.repeatUntil);
    const untilSec = repeatUntilSec(v, c.timeZone);
    if (day === undefined) issue("repeatUntil", msg("repeatUntilInvalid"));
    else if (startSec !== undefined && untilSec !== undefined) {
      if (untilSec <= startSec) issue("repeatUntil", msg("repeatUntilBeforeStart"));
      else {
        const count = occurrenceCount(v, c.timeZone) ?? 0;
        const cap = seriesCap(v);
        if (!Number.isFinite(count) || count > cap)
          issue("repeatUntil", msg("tooManyOccurrences", { count, max: cap }));
      }
    }
  });
}

// The plain type the form works with is written out in booking-values.ts (so the form
// can load without zod); this line fails to compile if the two ever differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemaMatchesValues: Same<z.infer<typeof bookingFieldsSchema>, BookingValues> = true;
