// The "adopt a meeting by its meetingid" form: the app that booked it and WeCom's
// meetingid. Messages are keys of the "adopt.errors" catalogue (lib/schemas/messages.ts).
// Client-safe: no server imports.
import { z } from "zod";
import { msg } from "./messages";

export const MEETING_ID_MAX = 128;

export const adoptSchema = z.object({
  appId: z
    .string({ error: msg("appNotFound") })
    .trim()
    .min(1, msg("appNotFound"))
    .max(64, msg("appNotFound")),
  wecomMeetingId: z
    .string({ error: msg("meetingIdRequired") })
    .trim()
    .min(1, msg("meetingIdRequired"))
    .max(MEETING_ID_MAX, msg("meetingIdTooLong", { max: MEETING_ID_MAX })),
});

export type AdoptValues = z.infer<typeof adoptSchema>;
export type AdoptField = keyof AdoptValues;
export const ADOPT_FIELDS: AdoptField[] = ["appId", "wecomMeetingId"];

/** "Discover": whose meetings to list, through which app. */
export const discoverSchema = z.object({
  appId: adoptSchema.shape.appId,
  accountId: z
    .string({ error: msg("accountNotFound") })
    .trim()
    .min(1, msg("accountNotFound"))
    .max(64, msg("accountNotFound")),
});

export type DiscoverValues = z.infer<typeof discoverSchema>;
export type DiscoverField = keyof DiscoverValues;
