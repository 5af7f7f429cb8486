// Every call made with a valid key is in the tenant's audit trail (source "api", the
// key's name as "via"): a change through lib/meetings as the domain's own event, every
// other call (reads, refusals, a change that did not happen) as one "api.call" event on
// the key, with the method, path and answer status.
import { createMiddleware } from "hono/factory";
import { clientIp } from "@/lib/auth/client-ip";
import type { ApiEnv } from "./context";

export const auditCall = createMiddleware<ApiEnv>(async (c, next) => {
  c.set("audited", false);
  await next();
  if (c.get("audited")) return;
  const p = c.get("principal");
  await p.db.auditEvent.create({
    data: {
      tenantId: p.tenant.id,
      actorUserId: null,
      source: "api",
      action: "api.call",
      objectType: "ApiToken",
      objectId: p.tokenId,
      diff: { method: c.req.method, path: c.req.path, status: c.res.status, via: p.tokenName },
      ip: clientIp(c.req.raw.headers),
      userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null,
    },
    select: { id: true }, // nothing is read back: no row to map
  });
});
