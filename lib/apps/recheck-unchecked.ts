import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { WecomLocale } from "@/lib/wecom";
import { checkApp, checkAudit } from "./check-app";

/**
 * Checks again the active apps whose last check could not decide the meeting permission
 * ("unknown": with nobody mapped it has no member to try a meeting call for). Run once
 * people have been mapped, so that an app set up before its accounts becomes bookable, or
 * shows why not, without a trip back to the apps page. Returns the audit events to record.
 */
export async function recheckUncheckedApps(db: TenantDb, locale: WecomLocale) {
  const apps = await db.app.findMany({
    where: { status: "active", meetingPermission: "unknown", corp: { disabled: false } },
    select: { id: true },
  });
  const audits = [];
  for (const app of apps) {
    const result = await checkApp(db, app.id, locale);
    if (result) audits.push(checkAudit(app.id, result));
  }
  return audits;
}
