import "server-only";
import { cookies } from "next/headers";
import { DEVICE_COOKIE, DEVICE_MAX_AGE_SECONDS } from "./device-cookie.ts";

// The browser side of device cookies: read at sign-in, replaced after each success.
// HttpOnly (no script needs it); like the session cookie's scheme, it follows the site's.

export async function readDeviceCookie(): Promise<string | null> {
  try {
    return (await cookies()).get(DEVICE_COOKIE)?.value ?? null;
  } catch {
    return null; // outside a request
  }
}

export async function writeDeviceCookie(value: string): Promise<void> {
  try {
    (await cookies()).set(DEVICE_COOKIE, value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: DEVICE_MAX_AGE_SECONDS,
    });
  } catch {
    // Outside a request that can set cookies: the browser stays untrusted.
  }
}
