// What /settings/apps shows: the tenant's corps and apps, each app's last check in the
// reader's language, which of its secrets are set (never their values), and the recent
// changes to each corp and app.
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { StoredSecrets } from "@/lib/schemas/app-settings";
import type { WecomLocale } from "@/lib/wecom";
import { checkProblem, type CheckProblem } from "./describe-check-failure";

export interface CorpSummary {
  id: string;
  corpId: string;
  name: string;
  disabled: boolean;
}

export interface AppSummary {
  id: string;
  corpRowId: string;
  name: string;
  kind: "self_built" | "third_party" | "custom";
  agentId: number | null;
  baseUrl: string;
  suiteId: string | null;
  status: "active" | "unauthorised" | "disabled";
  meetingPermission: "granted" | "denied" | "unknown";
  visibleRange: unknown;
  permissionCheckedAt: Date | null;
  problem: CheckProblem | null;
  secrets: StoredSecrets;
}

export async function appsSettings(
  db: TenantDb,
  locale: WecomLocale,
): Promise<{ corps: CorpSummary[]; apps: AppSummary[] }> {
  const [corps, rows] = await Promise.all([
    db.corp.findMany({
      select: { id: true, corpId: true, name: true, disabled: true },
      orderBy: { createdAt: "asc" },
    }),
    db.app.findMany({
      orderBy: { createdAt: "asc" },
      omit: {
        secretEnc: false,
        suiteSecretEnc: false,
        suiteTicketEnc: false,
        permanentCodeEnc: false,
      },
    }),
  ]);
  // The sealed values are read only to say whether each is set; they stop here.
  const apps = rows.map(
    ({ secretEnc, suiteSecretEnc, suiteTicketEnc, permanentCodeEnc, ...app }): AppSummary => ({
      id: app.id,
      corpRowId: app.corpRowId,
      name: app.name,
      kind: app.kind,
      agentId: app.agentId,
      baseUrl: app.baseUrl,
      suiteId: app.suiteId,
      status: app.status,
      meetingPermission: app.meetingPermission,
      visibleRange: app.visibleRange,
      permissionCheckedAt: app.permissionCheckedAt,
      problem: checkProblem(app.permissionError, locale, app),
      secrets: {
        secret: secretEnc !== null,
        suiteSecret: suiteSecretEnc !== null,
        suiteTicket: suiteTicketEnc !== null,
        permanentCode: permanentCodeEnc !== null,
      },
    }),
  );
  return { corps, apps };
}
