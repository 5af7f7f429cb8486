// Answers of oa/calendar/add and get (api doc "Calendars"), snake_case to camelCase.
import { z } from "zod";

export const calendarAddSchema = z
  .object({ cal_id: z.string().min(1) })
  .transform((r) => ({ calId: r.cal_id }));

export const calendarGetSchema = z
  .object({
    calendar_list: z
      .array(z.object({ cal_id: z.string(), summary: z.string().optional() }))
      .optional(),
  })
  .transform((r) => ({
    calendars: (r.calendar_list ?? []).map((c) => ({ calId: c.cal_id, summary: c.summary })),
  }));

export type CalendarList = z.output<typeof calendarGetSchema>;

/** oa/calendar/add's calendar block (api doc limits: summary 1–128, colour #RRGGBB, …). */
export interface CalendarInput {
  summary: string;
  /** #RRGGBB */
  color: string;
  description?: string;
}
