import { Blocks } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCard } from "@/components/shell/table-card";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { describeCheckFailure } from "@/lib/apps/describe-check-failure";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { CheckAppButton } from "./_components/check-app-button";
import { VisibleRange } from "./_components/visible-range";

export const generateMetadata = pageTitle("settings.apps");

const PERMISSION_VARIANT = {
  granted: "success",
  denied: "destructive",
  unknown: "outline",
} as const;

export default async function AppsPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:apps")) return <Forbidden />;
  const [t, format, locale] = await Promise.all([
    getTranslations("settings.apps"),
    getFormatter(),
    getLocale(),
  ]);
  // Secrets are omitted by the client's global omit: nothing secret reaches this page.
  const apps = await ctx.db.app.findMany({
    orderBy: { createdAt: "asc" },
    include: { corp: true },
  });

  return (
    // The check buttons are the page's client components.
    <ClientMessages namespaces={["settings.apps.check"]}>
      <PageHeader title={t("title")} description={t("description")} />
      {apps.length === 0 ? (
        <EmptyState
          icon={<Blocks />}
          title={t("empty.title")}
          description={t("empty.description")}
        />
      ) : (
        <TableCard>
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.name")}</TableHead>
              <TableHead>{t("columns.kind")}</TableHead>
              <TableHead>{t("columns.permission")}</TableHead>
              <TableHead>{t("columns.visible")}</TableHead>
              <TableHead>{t("columns.baseUrl")}</TableHead>
              <TableHead className="text-right">{t("columns.actions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {apps.map((app) => (
              <TableRow key={app.id} data-testid={`app-row-${app.agentId ?? app.id}`}>
                <TableCell>
                  <div className="font-medium">{app.name}</div>
                  <div className="text-xs text-muted-foreground">
                    {app.corp.name} · AgentId{" "}
                    <span className="font-mono">{app.agentId ?? "—"}</span>
                  </div>
                </TableCell>
                <TableCell>{t(`kind.${app.kind}`)}</TableCell>
                <TableCell className="max-w-72 whitespace-normal">
                  <div className="flex flex-wrap gap-1">
                    <Badge variant={PERMISSION_VARIANT[app.meetingPermission]}>
                      {t(`permission.${app.meetingPermission}`)}
                    </Badge>
                    {app.status === "unauthorised" && (
                      <Badge variant="destructive">{t("unauthorised")}</Badge>
                    )}
                  </div>
                  {app.permissionError && (
                    <p className="mt-1 text-xs text-destructive" data-testid="app-check-error">
                      {describeCheckFailure(app.permissionError, locale, app)}
                    </p>
                  )}
                  <p className="mt-1 text-xs text-muted-foreground">
                    {app.permissionCheckedAt
                      ? format.dateTime(app.permissionCheckedAt, {
                          dateStyle: "short",
                          timeStyle: "short",
                          timeZone: ctx.tenant.timeZone,
                        })
                      : t("notChecked")}
                  </p>
                </TableCell>
                <TableCell>
                  <VisibleRange range={app.visibleRange} />
                </TableCell>
                <TableCell className="max-w-56 truncate font-mono text-xs">{app.baseUrl}</TableCell>
                <TableCell className="text-right">
                  <CheckAppButton appId={app.id} appName={app.name} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableCard>
      )}
    </ClientMessages>
  );
}
