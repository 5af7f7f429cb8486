// One OA account (内部账号) and its WeCom userid per corp: the one schema of the account
// form (zodResolver in the browser), of its server action, and of every CSV import row.
// Messages are keys of "accountsAdmin.errors" (lib/schemas/messages.ts). Client-safe.
import { z } from "zod";
import { msg } from "./messages";

/** WeCom's rule for a userid: 1–64 letters, digits and _-@. starting with a letter or digit. */
export const WECOM_USER_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_\-@.]{0,63}$/;
export const JOB_NUMBER_RE = /^[^\s,;]{1,32}$/;
const MOBILE_RE = /^\+?[0-9][0-9 -]{3,19}$/;

export const ACCOUNT_TEXT_FIELDS = ["name", "jobNumber", "email", "mobile", "department"] as const;
export type AccountTextField = (typeof ACCOUNT_TEXT_FIELDS)[number];

const optionalText = (max: number) => z.string().trim().max(max, msg("tooLong", { max }));

export const accountSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, msg("required"))
    .max(64, msg("tooLong", { max: 64 })),
  /** The import's key: every account has one, unique in the tenant. */
  jobNumber: z
    .string()
    .trim()
    .min(1, msg("jobNumberRequired"))
    .refine((s) => s === "" || JOB_NUMBER_RE.test(s), { message: msg("jobNumberInvalid") }),
  email: optionalText(128).refine((s) => s === "" || z.email().safeParse(s).success, {
    message: msg("emailInvalid"),
  }),
  mobile: optionalText(20).refine((s) => s === "" || MOBILE_RE.test(s), {
    message: msg("mobileInvalid"),
  }),
  department: optionalText(64),
  /** corp row id → WeCom userid in that corp; "" for none. */
  userIds: z.record(
    z.string().min(1).max(64),
    z
      .string()
      .trim()
      .refine((s) => s === "" || WECOM_USER_ID_RE.test(s), { message: msg("userIdInvalid") }),
  ),
});

export type AccountValues = z.infer<typeof accountSchema>;
export type AccountInput = z.input<typeof accountSchema>;

export function emptyAccountValues(corpRowIds: string[]): AccountValues {
  return {
    name: "",
    jobNumber: "",
    email: "",
    mobile: "",
    department: "",
    userIds: Object.fromEntries(corpRowIds.map((id) => [id, ""])),
  };
}

/** A form field of the schema: a text field, or `userIds.<corpRowId>`. */
export type AccountField = AccountTextField | `userIds.${string}`;

export const VERIFY_STATUSES = ["ok", "not_found", "out_of_range"] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];
