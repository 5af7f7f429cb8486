import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** An invite link's secret: 32 random bytes, URL-safe. Shown once, never stored. */
export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored of a token: its SHA-256 (the token is random, so no salt is needed). */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
