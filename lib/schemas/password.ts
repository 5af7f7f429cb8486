import { z } from "zod";
import { msg } from "./messages";

import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "./password-rules";

// The password rules, for every form that sets one (change own password, accept an
// invite). Client-safe. The limits are in ./password-rules.ts (no zod, for the forms).
export { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "./password-rules";

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** A new password: messages are keys under "account.errors". */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, msg("passwordTooShort", { min: PASSWORD_MIN_LENGTH }))
  .refine(
    (v) => utf8Bytes(v) <= PASSWORD_MAX_BYTES,
    msg("passwordTooLong", { max: PASSWORD_MAX_BYTES }),
  )
  .refine((v) => v.trim() !== "", "passwordBlank");

/** A new password typed twice. */
export const setPasswordSchema = z
  .object({ password: newPasswordSchema, confirm: z.string() })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm)
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "passwordMismatch" });
  });
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

/** Accepting an invite as an account that already exists: that account's own password. */
export const accountPasswordSchema = z.object({ password: z.string().min(1, "required").max(200) });

/** The change-own-password form: the current one, then the new one twice. */
export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "required").max(200),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm)
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "passwordMismatch" });
    else if (v.password === v.current)
      ctx.addIssue({ code: "custom", path: ["password"], message: "passwordUnchanged" });
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
