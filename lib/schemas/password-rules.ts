// A password's limits, free of zod: a form shows them with its page and loads the schema
// (./password.ts) when it first validates. Eight characters as DEMO_PASSWORD
// (lib/env.js); at most 72 bytes because bcrypt (lib/auth/password.ts) ignores anything
// after the 72nd byte, and a password whose end does not count would be a surprise.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_BYTES = 72;
