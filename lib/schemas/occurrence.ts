// Input of the occurrence doors (the meeting page's dialogs and the HTTP API): which
// occurrence (a sub_meetingid WeCom gave), and for a move the new wall-clock start. The
// one-off's other fields come from the series and are checked by the booking schema.
// Client-safe.
import { z } from "zod";
import { DURATION_MAX_MIN, DURATION_MIN_MIN } from "./booking-values";
import { msg } from "./messages";

/** WeCom's sub_meetingids are opaque; MeetBridge only ever sends back one it stored. */
export const subMeetingIdSchema = z
  .string()
  .trim()
  .min(1, msg("occurrenceNotFound"))
  .max(64, msg("occurrenceNotFound"))
  .regex(/^[A-Za-z0-9_-]+$/, msg("occurrenceNotFound"));

export const occurrenceMoveSchema = z.strictObject({
  /** "YYYY-MM-DDTHH:mm" in the tenant's zone; the booking schema checks it is ahead. */
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg("startInvalid")),
  durationMin: z
    .number()
    .int(msg("durationWhole"))
    .min(DURATION_MIN_MIN, msg("durationTooShort"))
    .max(DURATION_MAX_MIN, msg("durationTooLong"))
    .optional(),
  reason: z.string().max(2000).optional(),
});
export type OccurrenceMoveValues = z.infer<typeof occurrenceMoveSchema>;
