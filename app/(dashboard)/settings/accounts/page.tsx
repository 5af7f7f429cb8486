import { Contact } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCard } from "@/components/shell/table-card";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("settings.accounts");

export default async function AccountsPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:accounts")) return <Forbidden />;
  const t = await getTranslations("settings.accounts");
  const accounts = await ctx.db.oaAccount.findMany({
    orderBy: [{ department: "asc" }, { jobNumber: "asc" }],
    include: { mappings: { include: { corp: { select: { name: true } } } } },
  });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {accounts.length === 0 ? (
        <EmptyState
          icon={<Contact />}
          title={t("empty.title")}
          description={t("empty.description")}
        />
      ) : (
        <TableCard>
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.name")}</TableHead>
              <TableHead>{t("columns.jobNumber")}</TableHead>
              <TableHead>{t("columns.department")}</TableHead>
              <TableHead>{t("columns.mappings")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {accounts.map((a) => (
              <TableRow key={a.id}>
                <TableCell className="font-medium">{a.name}</TableCell>
                <TableCell className="font-mono">{a.jobNumber ?? "—"}</TableCell>
                <TableCell>{a.department ?? "—"}</TableCell>
                <TableCell>
                  {a.mappings.length === 0 ? (
                    <span className="text-muted-foreground">{t("unmapped")}</span>
                  ) : (
                    a.mappings.map((m) => (
                      <div key={m.id} className="font-mono text-xs">
                        {m.wecomUserId}{" "}
                        <span className="text-muted-foreground">· {m.corp.name}</span>
                      </div>
                    ))
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableCard>
      )}
    </>
  );
}
