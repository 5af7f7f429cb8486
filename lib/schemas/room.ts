// The room chosen with a meeting (booking form, HTTP API): WeCom's meetingroom_id, or
// null for none. Client-safe.
import { z } from "zod";
import { msg } from "./messages";

export const roomIdSchema = z
  .number(msg("invalid"))
  .int(msg("invalid"))
  .min(0, msg("invalid"))
  .max(2_147_483_647, msg("invalid"))
  .nullable();

/** The picker's question: rooms free for this start (tenant wall clock) and duration. */
export const roomQuerySchema = z
  .object({
    appId: z.string().min(1).max(64),
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg("startInvalid")),
    durationMin: z.number().int().min(5, msg("invalid")).max(1439, msg("invalid")),
  })
  .strict();
