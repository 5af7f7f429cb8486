"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { isLocale } from "@/lib/i18n/config";
import { setLocaleCookie } from "@/lib/i18n/locale-cookie";

/** Switches the UI language for this browser and remembers it on the user. */
export async function setLocaleAction(locale: unknown): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  await setLocaleCookie(locale);
  const ctx = await getTenantContext();
  if (ctx) await db.user.update({ where: { id: ctx.user.id }, data: { locale } });
  revalidatePath("/", "layout");
  return { ok: true };
}
