// Disabling and enabling a corp or an app (each behind a confirmation in the UI).
// - A disabled app keeps its meetings (they can still be read, synced, edited and
//   cancelled) but books no more; enabling it checks it against WeCom again at once.
// - A disabled corp (Corp.disabled) keeps its apps as they are and disables them all for
//   booking (lib/meetings/bookable-app.ts); enabling the corp gives them back as they were.
import "server-only";
import { z } from "zod";
import { notFound, type AppsAdminActor, type AuditChange, type Refused } from "./admin";
import { checkApp, checkAudit, type AppCheckResult } from "./check-app";

const rowId = z.string().min(1).max(64);

export type SetEnabledResult =
  { ok: true; name: string; audit: AuditChange[]; check: AppCheckResult | null } | Refused;

export async function setCorpEnabled(
  actor: AppsAdminActor,
  corpRowId: unknown,
  enabled: boolean,
): Promise<SetEnabledResult> {
  const id = rowId.safeParse(corpRowId);
  const corp = id.success ? await actor.db.corp.findFirst({ where: { id: id.data } }) : null;
  if (!corp) return notFound();
  if (corp.disabled === !enabled) return { ok: true, name: corp.name, audit: [], check: null };
  await actor.db.corp.update({ where: { id: corp.id }, data: { disabled: !enabled } });
  return {
    ok: true,
    name: corp.name,
    check: null,
    audit: [
      {
        action: enabled ? "corp.enable" : "corp.disable",
        objectType: "corp",
        objectId: corp.id,
        diff: { disabled: { from: corp.disabled, to: !enabled } },
      },
    ],
  };
}

export async function setAppEnabled(
  actor: AppsAdminActor,
  appId: unknown,
  enabled: boolean,
): Promise<SetEnabledResult> {
  const id = rowId.safeParse(appId);
  const app = id.success
    ? await actor.db.app.findFirst({
        where: { id: id.data },
        select: { id: true, name: true, status: true },
      })
    : null;
  if (!app) return notFound();
  if ((app.status === "disabled") === !enabled)
    return { ok: true, name: app.name, audit: [], check: null };
  // Enabled as active; the check right after says whether WeCom still authorises it.
  const to = enabled ? "active" : "disabled";
  await actor.db.app.updateMany({
    where: { id: app.id, status: app.status },
    data: { status: to },
  });
  const audit: AuditChange[] = [
    {
      action: enabled ? "app.enable" : "app.disable",
      objectType: "app",
      objectId: app.id,
      diff: { status: { from: app.status, to } },
    },
  ];
  if (!enabled) return { ok: true, name: app.name, audit, check: null };
  const check = (await checkApp(actor.db, app.id, actor.locale))!;
  return { ok: true, name: app.name, audit: [...audit, checkAudit(app.id, check)], check };
}
