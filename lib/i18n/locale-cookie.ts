import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, type Locale } from "./config.ts";

/** Remembers the UI language in this browser for a year. */
export async function setLocaleCookie(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    sameSite: "lax",
    path: "/",
    maxAge: 365 * 24 * 3600,
  });
}
