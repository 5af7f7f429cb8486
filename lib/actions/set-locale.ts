"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

/** Switches the UI language for this browser and remembers it on the user. */
export async function setLocaleAction(locale: unknown): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, locale, {
    sameSite: "lax",
    path: "/",
    maxAge: 365 * 24 * 3600,
  });
  const ctx = await getTenantContext();
  if (ctx) await db.user.update({ where: { id: ctx.user.id }, data: { locale } });
  revalidatePath("/", "layout");
  return { ok: true };
}
