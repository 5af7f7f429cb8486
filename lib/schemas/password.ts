import { z } from "zod";
import { msg } from "./messages";

// The password rules, for every form that sets one (change own password, accept an
// invite). Client-safe. Eight characters as DEMO_PASSWORD (lib/env.js); at most 72 bytes
// because bcrypt (lib/auth/password.ts) ignores anything after the 72nd byte, and a
// password whose end does not count would be a surprise.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_BYTES = 72;

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
