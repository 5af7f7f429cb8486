import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env.js";

// Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): a
// browser that signed in successfully as a name gets a signed cookie naming it. An attempt
// that carries a valid device cookie for the name it types is counted on the cookie's own
// counter instead of the name's shared one, so an attacker who keeps failing for the
// owner's name slows strangers down (themselves included) but not the owner's browser.
// A device cookie that fails DEVICE_MAX_FAILURES times in the window is locked out: from
// then on it is an untrusted client, sharing the name's delay (login-limiter.ts).

export const DEVICE_COOKIE = "mb_device";
/** Failures a trusted device may make in the window before it is trusted no more. */
export const DEVICE_MAX_FAILURES = 5;
/** How long a device stays trusted after its last successful sign-in. */
export const DEVICE_MAX_AGE_SECONDS = 180 * 24 * 3600;

interface DevicePayload {
  /** The name as typed (lower-cased), as the sign-in limit counts it. */
  n: string;
  /** Random: the cookie's own counter. */
  d: string;
  /** Issued, in seconds. */
  t: number;
}

const mac = (body: string) =>
  createHmac("sha256", `meetbridge-device-cookie:${env.AUTH_SECRET}`).update(body).digest();

/** A new device cookie for `name` (issued at each successful sign-in). */
export function signDeviceCookie(name: string, now = Date.now()): string {
  const payload: DevicePayload = {
    n: name,
    d: randomBytes(16).toString("base64url"),
    t: Math.floor(now / 1000),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body).toString("base64url")}`;
}

/** The cookie's device id when it is ours, unexpired and names `name`; else null. */
export function trustedDevice(
  cookie: string | null | undefined,
  name: string,
  now = Date.now(),
): string | null {
  if (!cookie || cookie.length > 512) return null;
  const [body, sig, extra] = cookie.split(".");
  if (!body || !sig || extra !== undefined) return null;
  // The signature as we write it, compared as text: base64url's last character carries
  // bits the decoder ignores, so comparing decoded bytes would let a second spelling of
  // the same signature through.
  const given = Buffer.from(sig);
  const expected = Buffer.from(mac(body).toString("base64url"));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const p = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<DevicePayload>;
    if (p.n !== name || typeof p.d !== "string" || typeof p.t !== "number") return null;
    if (now / 1000 - p.t > DEVICE_MAX_AGE_SECONDS) return null;
    return p.d;
  } catch {
    return null;
  }
}
