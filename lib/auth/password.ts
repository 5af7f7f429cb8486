import bcrypt from "bcryptjs";
import { randomInt } from "node:crypto";

// The rules a new password must meet live with the forms' schemas (client-safe).
export { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "@/lib/schemas/password";

// bcrypt cost 12 ≈ 0.25 s on this class of machine: slow enough to resist offline
// guessing, fast enough for sign-in. Tests and seeds may pass a lower cost.
const COST = 12;

export function hashPassword(plain: string, cost = COST): Promise<string> {
  return bcrypt.hash(plain, cost);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

let dummy: Promise<string> | undefined;

/** Spends the time of a real check when no user matches, so a wrong email answers as slowly as a wrong password. */
export async function verifyAgainstNothing(plain: string): Promise<false> {
  dummy ??= hashPassword("meetbridge-no-such-user");
  await bcrypt.compare(plain, await dummy);
  return false;
}

// No 0/O, 1/l/I: an initial password is read off a screen and typed by someone else.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random initial password (16 characters, about 93 bits), for the person to change. */
export function generatePassword(length = 16): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}
