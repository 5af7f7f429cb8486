import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import type { TenantContext } from "@/lib/auth/tenant-context";

export interface AuditInput {
  action: string;
  objectType: string;
  objectId: string;
  diff?: Record<string, unknown>;
  source?: "web" | "api" | "sync" | "callback" | "system";
}

/** Records who did what to which object, from where, in the current tenant. */
export async function recordAudit(
  ctx: Pick<TenantContext, "db" | "user" | "tenant">,
  input: AuditInput,
): Promise<void> {
  const h = await headers();
  await ctx.db.auditEvent.create({
    data: {
      tenantId: ctx.tenant.id,
      actorUserId: ctx.user.id,
      source: input.source ?? "web",
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId,
      diff: input.diff as object | undefined,
      ip: clientIp(h),
      userAgent: h.get("user-agent")?.slice(0, 300) ?? null,
    },
  });
}
