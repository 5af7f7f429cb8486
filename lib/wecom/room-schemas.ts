// zod schemas of oa/meetingroom/* answers (wecom-meeting-api.md "Meeting rooms"), mapped
// to camelCase. Fields the doc lists but MeetBridge does not use are dropped.
import { z } from "zod";

const roomSchema = z
  .object({
    meetingroom_id: z.number().int(),
    name: z.string(),
    capacity: z.number().int(),
    city: z.string().optional(),
    building: z.string().optional(),
    floor: z.string().optional(),
    equipment: z.array(z.number().int()).optional(),
    need_approval: z.union([z.number(), z.boolean()]).optional(),
  })
  .transform((r) => ({
    roomId: r.meetingroom_id,
    name: r.name,
    capacity: r.capacity,
    city: r.city ?? "",
    building: r.building ?? "",
    floor: r.floor ?? "",
    equipment: r.equipment ?? [],
    needApproval: r.need_approval === 1 || r.need_approval === true,
  }));

export const roomListSchema = z
  .object({ meetingroom_list: z.array(roomSchema).default([]) })
  .transform((r) => r.meetingroom_list);
export type WecomRoom = z.output<typeof roomSchema>;

/** status: 0 booked, 1 cancelled, 2 applying, 3 in approval. */
const scheduleSchema = z
  .object({
    booking_id: z.string(),
    schedule_id: z.string().optional(),
    start_time: z.number().int(),
    end_time: z.number().int(),
    booker: z.string().optional(),
    status: z.number().int(),
  })
  .transform((s) => ({
    bookingId: s.booking_id,
    scheduleId: s.schedule_id,
    start: s.start_time,
    end: s.end_time,
    booker: s.booker ?? "",
    status: s.status,
  }));
export type WecomRoomSchedule = z.output<typeof scheduleSchema>;

export const bookingInfoSchema = z
  .object({
    booking_list: z
      .array(
        z.object({
          meetingroom_id: z.number().int(),
          schedule: z.array(scheduleSchema).default([]),
        }),
      )
      .default([]),
  })
  .transform((r) =>
    r.booking_list.map((b) => ({ roomId: b.meetingroom_id, schedules: b.schedule })),
  );
export type WecomRoomBookings = z.output<typeof bookingInfoSchema>;

export const bookByMeetingSchema = z
  .object({ booking_id: z.string().min(1), conflict_date: z.array(z.number().int()).default([]) })
  .transform((r) => ({ bookingId: r.booking_id, conflictDates: r.conflict_date }));
export type BookByMeetingResult = z.output<typeof bookByMeetingSchema>;

export const bookInfoSchema = z.object({ schedule: scheduleSchema }).transform((r) => r.schedule);
