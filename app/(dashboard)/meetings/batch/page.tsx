import { Download } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { MAX_BATCH_ROWS } from "@/lib/batches/read-sheet";
import { pageTitle } from "@/lib/i18n/page-title";
import { BatchUpload } from "./_components/batch-upload";

export const generateMetadata = pageTitle("batches");

export default async function BatchUploadPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("meeting:book")) return <Forbidden permission="meeting:book" role={ctx.role} />;
  const [t, format, recent] = await Promise.all([
    getTranslations("batches"),
    getFormatter(),
    ctx.db.batch.findMany({
      where: ctx.can("meeting:manage-any") ? {} : { createdById: ctx.user.id },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, fileName: true, total: true, state: true, createdAt: true },
    }),
  ]);
  const template = (q: string, label: string) => (
    <Button asChild variant="outline" size="sm">
      <a href={`/meetings/batch/template?${q}`} download data-testid={`template-${q}`}>
        <Download className="size-4" aria-hidden />
        {label}
      </a>
    </Button>
  );

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("template.title")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <p className="text-sm text-muted-foreground">
              {t("template.hint", { zone: ctx.tenant.timeZone })}
            </p>
            <div className="flex flex-wrap gap-2">
              {template("format=csv&lang=zh", t("template.csv"))}
              {template("format=csv&lang=en", t("template.csvEn"))}
              {template("format=xlsx&lang=zh", t("template.xlsx"))}
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("upload.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ClientMessages namespaces={["batches"]}>
              <BatchUpload maxRows={MAX_BATCH_ROWS} />
            </ClientMessages>
          </CardContent>
        </Card>
        <Card data-testid="batch-recent">
          <CardHeader>
            <CardTitle>{t("recent.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            {recent.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("recent.empty")}</p>
            ) : (
              <ul className="divide-y text-sm">
                {recent.map((b) => (
                  <li key={b.id} className="flex flex-wrap items-center gap-3 py-2">
                    <Link href={`/meetings/batch/${b.id}`} className="font-medium underline">
                      {b.fileName ?? b.id}
                    </Link>
                    <span className="text-muted-foreground">
                      {t("recent.rows")} {b.total}
                    </span>
                    <span className="text-muted-foreground">
                      {format.dateTime(b.createdAt, {
                        dateStyle: "short",
                        timeStyle: "short",
                        timeZone: ctx.tenant.timeZone,
                      })}
                    </span>
                    <Badge variant={b.state === "done" ? "success" : "secondary"}>
                      {t(`progress.state.${b.state as "done"}`)}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
