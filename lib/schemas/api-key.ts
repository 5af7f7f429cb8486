// The API-keys page's create form (settings/api), shared by the dialog and the action.
// Client-safe. Messages are keys under "apiKeys.errors".
import { z } from "zod";
import { msg } from "./messages";

import { API_KEY_NAME_MAX, API_KEY_ROLES } from "./api-key-rules";

export { API_KEY_NAME_MAX, API_KEY_ROLES, type ApiKeyRole } from "./api-key-rules";

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
