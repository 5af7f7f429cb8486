import { Download } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FIELD_HEADERS, USER_ID_HEADER } from "@/lib/accounts/csv-format";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { ImportPanel } from "../_components/import-panel";

export const generateMetadata = pageTitle("settings.accounts");

const header = (f: keyof typeof FIELD_HEADERS) => `${FIELD_HEADERS[f].zh} / ${FIELD_HEADERS[f].en}`;

export default async function ImportAccountsPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:accounts"))
    return <Forbidden permission="settings:accounts" role={ctx.role} />;
  const [t, ta, tc, corps] = await Promise.all([
    getTranslations("accountsAdmin.import"),
    getTranslations("accountsAdmin.actions"),
    getTranslations("common"),
    ctx.db.corp.findMany({ select: { corpId: true, name: true }, orderBy: { createdAt: "asc" } }),
  ]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button asChild variant="outline">
              <a href="/settings/accounts/export?template=1" download>
                <Download className="size-4" aria-hidden />
                {t("template")}
              </a>
            </Button>
            <Button asChild variant="ghost">
              <Link href="/settings/accounts">{t("back")}</Link>
            </Button>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardContent>
            <ClientMessages namespaces={["accountsAdmin"]}>
              <ImportPanel />
            </ClientMessages>
          </CardContent>
        </Card>
        <Card data-testid="import-format">
          <CardHeader>
            <CardTitle>{t("formatTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <p>{t("formatHeader")}</p>
            <ul className="list-disc space-y-1 pl-5">
              <li>
                {t("formatRequired")}
                {tc("colon")}
                <code>{header("name")}</code>
                {tc("listSeparator")}
                <code>{header("jobNumber")}</code>
              </li>
              <li>
                {t("formatOptional")}
                {tc("colon")}
                <code>{header("email")}</code>
                {tc("listSeparator")}
                <code>{header("mobile")}</code>
                {tc("listSeparator")}
                <code>{header("department")}</code>
                {tc("listSeparator")}
                <code>{header("status")}</code>
              </li>
              <li>
                {t("formatCorp")}{" "}
                {corps.length === 0 ? (
                  t("formatNoCorp")
                ) : corps.length === 1 ? (
                  t("formatCorpSingle", { zh: USER_ID_HEADER.zh, en: USER_ID_HEADER.en })
                ) : (
                  <>
                    {t("formatCorpMany", { zh: USER_ID_HEADER.zh, en: USER_ID_HEADER.en })}
                    <ul className="list-[circle] pl-5">
                      {corps.map((c) => (
                        <li key={c.corpId}>
                          <code>
                            {USER_ID_HEADER.zh}:{c.corpId}
                          </code>{" "}
                          — {c.name}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
              <li>{t("formatStatus")}</li>
              <li>{t("formatKey")}</li>
              <li>{t("formatEmpty")}</li>
              <li>{t("formatEncoding")}</li>
            </ul>
            <p className="text-muted-foreground">
              {t("exportHint")}{" "}
              <a href="/settings/accounts/export" download className="underline">
                {ta("export")}
              </a>
            </p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
