import { z } from "zod";

// Shared by the login form (zodResolver) and the sign-in action. Messages are i18n
// keys under login.errors, translated where they are shown.
export const signInSchema = z.object({
  identifier: z.string().trim().min(1, "required").max(254),
  password: z.string().min(1, "required").max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;
