import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** Every key starts with this, so a leaked one is recognisable (and secret scanners find it). */
export const API_KEY_PREFIX = "mbk_";
/** How much of a key the list shows: the prefix and 6 characters, never enough to use it. */
const SHOWN = API_KEY_PREFIX.length + 6;

/** A new key: 32 random bytes, URL-safe. Shown once; only its hash is stored. */
export function newApiKey(): { key: string; prefix: string; tokenHash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, SHOWN), tokenHash: hashApiKey(key) };
}

/** What is stored of a key: its SHA-256 (the key is random, so no salt is needed). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The key of an `Authorization: Bearer …` header, or null. */
export function bearerKey(authorization: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const key = match?.[1];
  return key && key.startsWith(API_KEY_PREFIX) && key.length <= 100 ? key : null;
}
