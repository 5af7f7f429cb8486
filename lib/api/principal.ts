// The key behind a request, as lib/meetings wants its actor: the key's tenant, source
// "api", the key's name (audit "via") and id (Meeting.createdByTokenId), where it came from.
import { createMiddleware } from "hono/factory";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { clientIp } from "@/lib/auth/client-ip";
import type { Permission } from "@/lib/auth/permissions";
import type { MeetingActor } from "@/lib/meetings/types";
import { msg } from "@/lib/schemas/messages";
import type { ApiContext, ApiEnv } from "./context";
import { ApiProblem } from "./problem";

/** 401 unless the Authorization header carries a key that exists and is not revoked. */
export const requireKey = createMiddleware<ApiEnv>(async (c, next) => {
  const principal = await authenticateApiKey(c.req.header("authorization"));
  if (!principal) throw new ApiProblem("unauthorized");
  c.set("principal", principal);
  await next();
});

/** 403 unless the key's role grants `permission`. */
export function requirePermission(c: ApiContext, permission: Permission): void {
  const p = c.get("principal");
  if (!p.can(permission))
    throw new ApiProblem("forbidden", {
      detail: msg("roleForbidden", { role: p.role }),
    });
}

export function apiActor(c: ApiContext): MeetingActor {
  const p = c.get("principal");
  return {
    db: p.db,
    tenantId: p.tenant.id,
    timeZone: p.tenant.timeZone,
    userId: null,
    source: "api",
    locale: c.get("locale"),
    ip: clientIp(c.req.raw.headers),
    userAgent: c.req.header("user-agent") ?? null,
    via: p.tokenName,
    tokenId: p.tokenId,
  };
}
