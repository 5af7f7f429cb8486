// Request bodies of oa/meetingroom/* (wecom-meeting-api.md "Meeting rooms"). Strict: a
// field the doc does not list is refused, as the simulator does for meeting calls.
import { z } from "zod";

const uint = z.number().int().nonnegative();
const userid = z.string().min(1).max(64);

export const listRoomsSchema = z
  .object({
    city: z.string().max(64).optional(),
    building: z.string().max(64).optional(),
    floor: z.string().max(64).optional(),
    equipment: z.array(z.number().int().min(1).max(5)).optional(),
  })
  .strict();

export const bookingInfoSchema = z
  .object({
    meetingroom_id: uint.optional(),
    start_time: uint.optional(),
    end_time: uint.optional(),
    city: z.string().max(64).optional(),
    building: z.string().max(64).optional(),
    floor: z.string().max(64).optional(),
  })
  .strict();

export const bookByMeetingSchema = z
  .object({ meetingroom_id: uint, meetingid: z.string().min(1).max(128), booker: userid })
  .strict();

export const bookSchema = z
  .object({
    meetingroom_id: uint,
    start_time: uint,
    end_time: uint,
    booker: userid,
    subject: z.string().max(128).optional(),
    attendees: z.array(userid).max(1000).optional(),
  })
  .strict();

export const cancelBookSchema = z
  .object({
    booking_id: z.string().min(1).max(128),
    keep_schedule: z.union([z.literal(0), z.literal(1)]).optional(),
    cancel_date: uint.optional(),
  })
  .strict();

export const bookInfoGetSchema = z
  .object({ meetingroom_id: uint, booking_id: z.string().min(1).max(128) })
  .strict();
