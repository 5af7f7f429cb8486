import { Blocks } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { requireTenantContext } from "@/lib/auth/tenant-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.apps"))("title") };
}

const PERMISSION_VARIANT = {
  granted: "success",
  denied: "destructive",
  unknown: "outline",
} as const;

export default async function AppsPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:apps")) return <Forbidden />;
  const t = await getTranslations("settings.apps");
  // Secrets are omitted by the client's global omit: nothing secret reaches this page.
  const apps = await ctx.db.app.findMany({
    orderBy: { createdAt: "asc" },
    include: { corp: true },
  });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {apps.length === 0 ? (
        <EmptyState
          icon={<Blocks />}
          title={t("empty.title")}
          description={t("empty.description")}
        />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.name")}</TableHead>
                <TableHead>{t("columns.corp")}</TableHead>
                <TableHead>{t("columns.kind")}</TableHead>
                <TableHead>{t("columns.agentId")}</TableHead>
                <TableHead>{t("columns.permission")}</TableHead>
                <TableHead>{t("columns.baseUrl")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {apps.map((app) => (
                <TableRow key={app.id}>
                  <TableCell className="font-medium">{app.name}</TableCell>
                  <TableCell>
                    {app.corp.name}
                    <div className="font-mono text-xs text-muted-foreground">{app.corp.corpId}</div>
                  </TableCell>
                  <TableCell>{t(`kind.${app.kind}`)}</TableCell>
                  <TableCell className="font-mono">{app.agentId ?? "—"}</TableCell>
                  <TableCell>
                    <Badge variant={PERMISSION_VARIANT[app.meetingPermission]}>
                      {t(`permission.${app.meetingPermission}`)}
                    </Badge>
                  </TableCell>
                  <TableCell className="max-w-64 truncate font-mono text-xs">
                    {app.baseUrl}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
