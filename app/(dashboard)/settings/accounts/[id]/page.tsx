import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditHistory } from "@/components/audit/audit-history";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { accountForEdit } from "@/lib/accounts/account-view";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { AccountForm } from "../_components/account-form";
import { ACCOUNT_HISTORY_FIELDS, accountEventText } from "../_components/account-event-text";
import { AccountStatusCard } from "../_components/account-status-card";
import { VerifyDialog } from "../_components/verify-dialog";
import { VerifyStatusBadge } from "../_components/verify-status-badge";

export const generateMetadata = pageTitle("settings.accounts");

export default async function EditAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:accounts"))
    return <Forbidden permission="settings:accounts" role={ctx.role} />;
  const { id } = await params;
  const [t, account, corps, historyText] = await Promise.all([
    getTranslations("accountsAdmin"),
    accountForEdit(ctx.db, id),
    ctx.db.corp.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } }),
    accountEventText(),
  ]);
  // Another tenant's account is "not found", never "forbidden".
  if (!account) notFound();
  const tz = ctx.tenant.timeZone;

  return (
    <ClientMessages namespaces={["accountsAdmin", "unsavedChanges"]}>
      <PageHeader
        title={`${t("form.editTitle")} · ${account.values.name}`}
        actions={
          <Button asChild variant="ghost">
            <Link href="/settings/accounts">{t("form.back")}</Link>
          </Button>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card>
            <CardContent>
              <AccountForm accountId={account.id} initial={account.values} corps={corps} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("history.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              <AuditHistory
                entries={account.history}
                timeZone={tz}
                messages="accountsAdmin.history"
                testId="account-history"
                diff={{ fields: ACCOUNT_HISTORY_FIELDS, changesOnly: true }}
                {...historyText}
                bare
              />
            </CardContent>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("mappings.title")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3">
              {account.mappings.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("mappings.empty")}</p>
              ) : (
                <ul className="space-y-2" data-testid="account-mappings">
                  {account.mappings.map((m) => (
                    <li key={m.corpRowId} className="space-y-1">
                      <div className="text-sm">
                        <span className="font-mono">{m.wecomUserId}</span>{" "}
                        <span className="text-muted-foreground">· {m.corpName}</span>
                      </div>
                      <VerifyStatusBadge
                        status={m.verifyStatus}
                        verifiedAt={m.verifiedAt}
                        appName={m.verifiedAppName}
                        timeZone={tz}
                      />
                      {m.apps.length ? (
                        <ul
                          className="text-xs text-muted-foreground"
                          aria-label={t("mappings.byApp")}
                        >
                          {m.apps.map((app) => (
                            <li key={app.name}>
                              {t(app.block ? `mappings.appBlock.${app.block}` : "mappings.appOk", {
                                app: app.name,
                              })}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {account.mappings.length > 0 ? (
                <VerifyDialog accountId={account.id} label={t("verify.account")} />
              ) : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("status.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              <AccountStatusCard
                accountId={account.id}
                name={account.values.name}
                active={account.active}
              />
            </CardContent>
          </Card>
        </div>
      </div>
    </ClientMessages>
  );
}
