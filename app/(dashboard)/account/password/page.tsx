import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ClientMessages } from "@/components/providers/client-messages";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { requireTenantContext } from "@/lib/auth/tenant-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.password");
  return { title: t("title") };
}

/** Every role: a person changes their own password (from the user menu). */
export default async function AccountPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ changed?: string }>;
}) {
  await requireTenantContext();
  const [{ changed }, t] = await Promise.all([searchParams, getTranslations("account.password")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid max-w-md gap-4">
        {changed === "1" ? (
          <Alert data-testid="password-changed">
            <AlertDescription>{t("changed")}</AlertDescription>
          </Alert>
        ) : null}
        <Card>
          <CardContent className="pt-6">
            <ClientMessages namespaces={["account"]}>
              <ChangePasswordForm />
            </ClientMessages>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
