// Request bodies of oa/calendar/add, get and del, with the api doc's limits ("Calendars").
import { z } from "zod";
import { codePoints } from "../rules.js";

const chars = (max: number, min = 0) =>
  z.string().superRefine((s, ctx) => {
    const n = codePoints(s);
    if (n < min || n > max)
      ctx.addIssue({ code: "custom", message: `is ${n} characters, must be ${min} to ${max}` });
  });

export const CALENDAR_ADMINS_MAX = 3;
export const CALENDAR_SHARES_MAX = 2000;

const share = z.object({
  userid: z.string().min(1, "must not be an empty userid"),
  // 1 can view, 3 free/busy only (api doc)
  permission: z
    .number()
    .int()
    .refine((p) => p === 1 || p === 3, "must be 1 (view) or 3 (free/busy only)")
    .optional(),
});

export const calendarAddSchema = z.object({
  calendar: z
    .object({
      summary: chars(128, 1),
      color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, "must be #RRGGBB"),
      description: chars(512).optional(),
      admins: z
        .array(z.string().min(1, "must not be an empty userid"))
        .max(CALENDAR_ADMINS_MAX, `at most ${CALENDAR_ADMINS_MAX} userids`)
        .optional(),
      shares: z
        .array(share)
        .max(CALENDAR_SHARES_MAX, `at most ${CALENDAR_SHARES_MAX} shares`)
        .optional(),
      set_as_default: z.number().int().min(0).max(1).optional(),
      is_public: z.number().int().min(0).max(1).optional(),
      public_range: z
        .object({
          userids: z.array(z.string()).optional(),
          partyids: z.array(z.number().int()).optional(),
        })
        .optional(),
    })
    .superRefine((c, ctx) => {
      const shared = new Set((c.shares ?? []).map((s) => s.userid));
      const outside = (c.admins ?? []).find((a) => !shared.has(a));
      if (outside !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["admins"],
          message: `${outside} must also be in calendar.shares`,
        });
    }),
  agentid: z.number().int().optional(),
});

export const calendarGetSchema = z.object({
  cal_id_list: z
    .array(z.string().min(1, "must not be an empty cal_id"))
    .min(1, "at least one cal_id")
    .max(1000, "at most 1000 cal_ids"),
});

export const calendarDelSchema = z.object({ cal_id: z.string().min(1, "must not be empty") });
