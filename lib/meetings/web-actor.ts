import "server-only";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { clientIp } from "@/lib/auth/client-ip";
import type { TenantContext } from "@/lib/auth/tenant-context";
import type { MeetingActor } from "./types";

/** The signed-in person acting through the browser, for the meeting domain. */
export async function webActor(ctx: TenantContext): Promise<MeetingActor> {
  const [h, locale] = await Promise.all([headers(), getLocale()]);
  return {
    db: ctx.db,
    tenantId: ctx.tenant.id,
    timeZone: ctx.tenant.timeZone,
    userId: ctx.user.id,
    source: "web",
    locale: locale === "en" ? "en" : "zh-CN",
    ip: clientIp(h),
    userAgent: h.get("user-agent"),
  };
}
