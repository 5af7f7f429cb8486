import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

// The users page's forms (settings/users), shared by the dialogs and the actions.
// Client-safe. Messages are keys under "usersAdmin.errors".

export const roleSchema = z.enum(ROLES, "invalid");

/** Sign-in names: no "@", so that one can never be read as another person's email. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export const addUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(254, "invalidEmail")
    .pipe(z.email("invalidEmail")),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .max(32, "invalidUsername")
    .refine((v) => v === "" || USERNAME_PATTERN.test(v), "invalidUsername")
    .optional()
    .transform((v) => (v ? v : undefined)),
  name: z.string().trim().min(1, "required").max(64, "nameTooLong"),
  role: roleSchema,
  /** An initial password shown once, or an invite link the person opens. */
  method: z.enum(["password", "invite"], "invalid"),
});
export type AddUserInput = z.input<typeof addUserSchema>;
export type AddUserValues = z.output<typeof addUserSchema>;

const id = z.string().min(1).max(64);

export const changeRoleSchema = z.object({ userId: id, role: roleSchema });
export const setDisabledSchema = z.object({ userId: id, disabled: z.boolean() });
export const memberIdSchema = z.object({ userId: id });
export const inviteIdSchema = z.object({ inviteId: id });
