// WeCom's advanced create/update fields (wecom-meeting-api.md, "Advanced create and update
// fields (self-built apps)", pages 98148/98154): phone guests, automatic recording, custom
// recurrence. The doc documents them for self-built apps only; the simulator refuses them
// from third-party and 代开发 apps (the stricter reading), with an errmsg that says so.
import { z } from "zod";
import {
  AUTO_RECORD_TYPES,
  GUEST_AREA_RE,
  GUEST_NAME_MAX,
  GUEST_PHONE_RE,
  GUESTS_MAX,
  maxOccurrences,
  REPEAT_TYPES,
} from "../rules.js";
import type { Reply } from "./auth.js";
import type { SimApp } from "./seed-data.js";
import { invalid } from "./validate-meeting.js";

export const guestSchema = z.strictObject({
  area: z.string().regex(GUEST_AREA_RE, "must be an area code of 1 to 4 digits, without +"),
  phone_number: z.string().regex(GUEST_PHONE_RE, "must be 5 to 15 digits"),
  guest_name: z
    .string()
    .refine((s) => s.trim() !== "", "must not be empty")
    .refine((s) => [...s].length <= GUEST_NAME_MAX, `must be at most ${GUEST_NAME_MAX} characters`),
});
export type SimGuest = z.infer<typeof guestSchema>;

/** The advanced fields of a create or update body, read loosely (the schema checks types). */
export const advancedSchema = z.object({
  guests: z.array(guestSchema).max(GUESTS_MAX, `at most ${GUESTS_MAX} guests`).optional(),
  settings: z.object({ auto_record_type: z.enum(AUTO_RECORD_TYPES).optional() }).optional(),
  reminders: z
    .object({
      repeat_type: z.number().int().optional(),
      repeat_interval: z.number().int().optional(),
      is_custom_repeat: z.literal([0, 1]).optional(),
      repeat_day_of_week: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
      repeat_day_of_month: z.array(z.number().int().min(1).max(31)).min(1).max(31).optional(),
      repeat_until_type: z.literal([0, 1]).optional(),
      repeat_until_count: z.number().int().min(1).optional(),
    })
    .optional(),
});
export type AdvancedBody = z.infer<typeof advancedSchema>;

/** Which advanced fields a body carries, by their wire names. */
function advancedFieldsIn(b: AdvancedBody): string[] {
  const r = b.reminders ?? {};
  return [
    ...(b.guests !== undefined ? ["guests"] : []),
    ...(b.settings?.auto_record_type !== undefined ? ["settings.auto_record_type"] : []),
    ...(
      [
        "is_custom_repeat",
        "repeat_day_of_week",
        "repeat_day_of_month",
        "repeat_until_type",
        "repeat_until_count",
      ] as const
    )
      .filter((k) => r[k] !== undefined)
      .map((k) => `reminders.${k}`),
  ];
}

/** Refuses the advanced fields from other app kinds and checks they agree with each other. */
export function checkAdvancedFields(app: SimApp, body: unknown): Reply | undefined {
  const parsed = advancedSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return invalid(`invalid ${issue.path.join(".")}: ${issue.message}`);
  }
  const b = parsed.data;
  const sent = advancedFieldsIn(b);
  if (sent.length === 0) return undefined;
  if (app.kind !== "self_built")
    return invalid(
      `invalid ${sent[0]}: the advanced meeting fields (${sent.join(", ")}) are documented for self-built apps only; app ${app.agentId} is a ${app.kind} app`,
    );
  const r = b.reminders ?? {};
  if (r.is_custom_repeat === 1) {
    const type = r.repeat_type ?? REPEAT_TYPES.daily;
    if (type === REPEAT_TYPES.weekly && !r.repeat_day_of_week)
      return invalid("invalid reminders.repeat_day_of_week: required for a custom weekly series");
    if (type === REPEAT_TYPES.monthly && !r.repeat_day_of_month)
      return invalid("invalid reminders.repeat_day_of_month: required for a custom monthly series");
    if (type !== REPEAT_TYPES.weekly && type !== REPEAT_TYPES.monthly)
      return invalid(
        "invalid reminders.is_custom_repeat: only weekly (1) or monthly (2) series are custom",
      );
  }
  if (r.repeat_until_type === 1) {
    const cap = maxOccurrences(r.repeat_type ?? REPEAT_TYPES.daily, r.repeat_interval);
    if (r.repeat_until_count === undefined)
      return invalid("invalid reminders.repeat_until_count: required when repeat_until_type is 1");
    if (r.repeat_until_count > cap)
      return invalid(
        `invalid reminders.repeat_until_count: ${r.repeat_until_count}, at most ${cap}`,
      );
  }
  return undefined;
}
