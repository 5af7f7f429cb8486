// The API-keys form's limits, free of zod: the dialog imports them with the page, and
// loads the schema (./api-key.ts) when the form first validates.

/** The roles a key may have: never owner (a key never manages people). */
export const API_KEY_ROLES = ["booker", "admin", "viewer"] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];
export const API_KEY_NAME_MAX = 60;
