import "server-only";
import { createHash } from "node:crypto";
import type { BookingValues } from "@/lib/schemas/booking";

/** A fingerprint of what was asked, without the key: the same key with another request is refused. */
export function requestHash(v: BookingValues): string {
  const { idempotencyKey: _key, ...rest } = v;
  const canonical = JSON.stringify(rest, Object.keys(rest).sort());
  return createHash("sha256").update(canonical).digest("hex");
}
