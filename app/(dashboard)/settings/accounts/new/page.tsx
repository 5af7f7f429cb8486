import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { emptyAccountValues } from "@/lib/schemas/account";
import { AccountForm } from "../_components/account-form";

export const generateMetadata = pageTitle("settings.accounts");

export default async function NewAccountPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:accounts"))
    return <Forbidden permission="settings:accounts" role={ctx.role} />;
  const [t, corps] = await Promise.all([
    getTranslations("accountsAdmin.form"),
    ctx.db.corp.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return (
    <>
      <PageHeader
        title={t("createTitle")}
        actions={
          <Button asChild variant="ghost">
            <Link href="/settings/accounts">{t("back")}</Link>
          </Button>
        }
      />
      <Card>
        <CardContent>
          <ClientMessages namespaces={["accountsAdmin", "unsavedChanges"]}>
            <AccountForm
              accountId={null}
              initial={emptyAccountValues(corps.map((c) => c.id))}
              corps={corps}
            />
          </ClientMessages>
        </CardContent>
      </Card>
    </>
  );
}
