import { getTranslations } from "next-intl/server";
import { AuditHistory } from "@/components/audit/audit-history";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { loadAuditHistory } from "@/lib/audit/load-history";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { timeZoneOptions } from "@/lib/schemas/tenant-settings";
import { TENANT_SETTINGS_FIELDS } from "@/lib/tenants/tenant-settings";
import { loadDataSizes } from "@/lib/retention/data-sizes";
import { DataRetention } from "./_components/data-retention";
import { TenantSettingsForm } from "./_components/tenant-settings-form";

export const generateMetadata = pageTitle("tenantSettings");

export default async function TenantSettingsPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:tenant"))
    return <Forbidden permission="settings:tenant" role={ctx.role} />;
  const [t, changes, sizes] = await Promise.all([
    getTranslations("tenantSettings"),
    loadAuditHistory(ctx.db, { objectTypes: ["tenant"], objectIds: [ctx.tenant.id] }),
    loadDataSizes(ctx.db),
  ]);
  const { name, timeZone } = ctx.tenant;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardContent>
          <ClientMessages
            namespaces={["tenantSettings.form", "tenantSettings.errors", "unsavedChanges"]}
          >
            <TenantSettingsForm
              key={ctx.tenant.id}
              initial={{ name, timeZone }}
              zones={timeZoneOptions(timeZone)}
            />
          </ClientMessages>
        </CardContent>
      </Card>
      <DataRetention sizes={sizes} timeZone={timeZone} />
      <AuditHistory
        entries={changes}
        timeZone={timeZone}
        messages="tenantSettings.history"
        testId="tenant-history"
        diff={{ fields: TENANT_SETTINGS_FIELDS, changesOnly: true }}
      />
    </>
  );
}
