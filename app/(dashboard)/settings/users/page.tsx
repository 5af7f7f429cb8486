import { getFormatter, getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { TableCard } from "@/components/shell/table-card";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("settings.users");

export default async function UsersPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:users")) return <Forbidden />;
  const [t, tRole, format] = await Promise.all([
    getTranslations("settings.users"),
    getTranslations("header.role"),
    getFormatter(),
  ]);
  const members = await ctx.db.membership.findMany({
    orderBy: { createdAt: "asc" },
    include: { user: true },
  });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <TableCard>
        <TableHeader>
          <TableRow>
            <TableHead>{t("columns.name")}</TableHead>
            <TableHead>{t("columns.email")}</TableHead>
            <TableHead>{t("columns.role")}</TableHead>
            <TableHead>{t("columns.lastLogin")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.id}>
              <TableCell className="font-medium">{m.user.name}</TableCell>
              <TableCell>{m.user.email}</TableCell>
              <TableCell>
                <Badge variant="secondary">{tRole(m.role)}</Badge>
              </TableCell>
              <TableCell>
                {m.user.lastLoginAt
                  ? format.dateTime(m.user.lastLoginAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: ctx.tenant.timeZone,
                    })
                  : t("never")}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </TableCard>
    </>
  );
}
