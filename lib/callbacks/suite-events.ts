// A third-party suite's instruction callback: the ticket WeCom pushes every 10 minutes,
// and a corp authorising, changing or revoking the suite.
// - suite_ticket replaces the stored ticket (sealed per app row, like every secret) of
//   every app of the tenant on that suite, unless a newer one is already stored (of two
//   in the same second, the later arrival wins). The token manager reads the ticket from
//   the row each time it needs a suite token, so the next get_suite_token uses it; a
//   suite token already cached stays valid (a new ticket does not revoke it).
// - cancel_auth marks the suite's apps in that corp unauthorised; change_auth checks them
//   again (the check lifts or sets that mark); create_auth is recorded. Each is audited.
import "server-only";
import { sealAppSecret } from "@/lib/crypto/app-secret";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { checkApp } from "@/lib/apps/check-app";
import { REDACTED } from "@/lib/wecom/redact";
import type { ParsedCallback } from "./parse-event";

export interface SuiteEventContext {
  db: TenantDb;
  tenantId: string;
  /** the app row whose instruction callback received the event */
  app: { id: string; suiteId: string | null };
  receivedAt: Date;
}

export async function applySuiteEvent(
  ctx: SuiteEventContext,
  event: ParsedCallback,
): Promise<{ outcome: string; error?: string }> {
  const suiteId = ctx.app.suiteId;
  if (!suiteId || (event.suiteId && event.suiteId !== suiteId))
    return { outcome: "recorded", error: "SuiteId is not the app's suite" };
  const apps = (where: object = {}) =>
    ctx.db.app.findMany({
      where: { kind: "third_party", suiteId, ...where },
      select: { id: true, tenantId: true, status: true },
    });

  if (event.kind === "suite_ticket") {
    // A ticket is only known while its request is handled (the stored body is redacted).
    if (!event.suiteTicket || event.suiteTicket === REDACTED)
      return { outcome: "recorded", error: "no SuiteTicket" };
    const at = event.timeStamp ? new Date(event.timeStamp * 1000) : ctx.receivedAt;
    let stored = 0;
    for (const app of await apps()) {
      const r = await ctx.db.app.updateMany({
        where: { id: app.id, OR: [{ suiteTicketAt: null }, { suiteTicketAt: { lte: at } }] },
        data: {
          suiteTicketEnc: sealAppSecret(app, "suiteTicketEnc", event.suiteTicket),
          suiteTicketAt: at,
        },
      });
      stored += r.count;
    }
    return { outcome: stored ? "stored" : "older-ticket" };
  }

  if (!event.authCorpId) return { outcome: "recorded", error: "no AuthCorpId" };
  const affected = await apps({ corp: { corpId: event.authCorpId } });
  for (const app of affected) {
    let diff: Record<string, unknown> = { event: event.kind, authCorpId: event.authCorpId };
    if (event.kind === "cancel_auth" && app.status === "active") {
      await ctx.db.app.updateMany({
        where: { id: app.id, status: "active" },
        data: { status: "unauthorised" },
      });
      diff = { ...diff, status: { from: "active", to: "unauthorised" } };
    }
    await ctx.db.auditEvent.create({
      data: {
        tenantId: ctx.tenantId,
        actorUserId: null,
        source: "callback",
        action: "app.authorisation",
        objectType: "app",
        objectId: app.id,
        diff: diff as object,
      },
    });
  }
  if (event.kind === "change_auth")
    for (const app of affected) await checkApp(ctx.db, app.id, "zh-CN");
  return { outcome: affected.length ? "applied" : "recorded" };
}
