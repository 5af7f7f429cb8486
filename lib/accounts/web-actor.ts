import "server-only";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { clientIp } from "@/lib/auth/client-ip";
import type { TenantContext } from "@/lib/auth/tenant-context";
import type { AccountActor } from "./types";

/** The signed-in admin acting on accounts through the browser. */
export async function accountWebActor(ctx: TenantContext): Promise<AccountActor> {
  const [h, locale] = await Promise.all([headers(), getLocale()]);
  return {
    db: ctx.db,
    tenantId: ctx.tenant.id,
    userId: ctx.user.id,
    source: "web",
    locale: locale === "en" ? "en" : "zh-CN",
    ip: clientIp(h),
    userAgent: h.get("user-agent"),
  };
}
