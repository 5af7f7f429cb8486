import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { timeZoneOptions } from "@/lib/schemas/tenant-settings";
import { tenantSettingsHistory } from "@/lib/tenants/tenant-settings";
import { TenantHistory } from "./_components/tenant-history";
import { TenantSettingsForm } from "./_components/tenant-settings-form";

export const generateMetadata = pageTitle("tenantSettings");

export default async function TenantSettingsPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:tenant")) return <Forbidden />;
  const [t, changes] = await Promise.all([
    getTranslations("tenantSettings"),
    tenantSettingsHistory(ctx.db, ctx.tenant.id),
  ]);
  const { name, timeZone } = ctx.tenant;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-8">
        <Card>
          <CardContent>
            <ClientMessages namespaces={["tenantSettings.form", "tenantSettings.errors"]}>
              <TenantSettingsForm
                key={ctx.tenant.id}
                initial={{ name, timeZone }}
                zones={timeZoneOptions(timeZone)}
              />
            </ClientMessages>
          </CardContent>
        </Card>
        <TenantHistory changes={changes} timeZone={timeZone} />
      </div>
    </>
  );
}
