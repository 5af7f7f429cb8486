// The API-keys page's create form (settings/api), shared by the dialog and the action.
// Client-safe. Messages are keys under "apiKeys.errors".
import { z } from "zod";
import { msg } from "./messages";

/** The roles a key may have: never owner (a key never manages people). */
export const API_KEY_ROLES = ["booker", "admin", "viewer"] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];
export const API_KEY_NAME_MAX = 60;

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, msg("nameRequired"))
    .max(API_KEY_NAME_MAX, msg("nameTooLong", { max: API_KEY_NAME_MAX })),
  role: z.enum(API_KEY_ROLES, msg("roleInvalid")),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
export type CreateApiKeyValues = z.output<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.object({ id: z.string().min(1).max(64) });
