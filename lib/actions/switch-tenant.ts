"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getTenantContext, TENANT_COOKIE } from "@/lib/auth/tenant-context";

/** Makes another of the user's tenants the current one; refuses tenants they do not belong to. */
export async function switchTenantAction(tenantId: unknown): Promise<{ ok: boolean }> {
  const parsed = z.string().min(1).max(64).safeParse(tenantId);
  const ctx = await getTenantContext();
  if (!parsed.success || !ctx) return { ok: false };
  if (!ctx.memberships.some((m) => m.tenantId === parsed.data)) return { ok: false };
  (await cookies()).set(TENANT_COOKIE, parsed.data, { httpOnly: true, sameSite: "lax", path: "/" });
  revalidatePath("/", "layout");
  return { ok: true };
}
