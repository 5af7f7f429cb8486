import { Blocks, Pencil, Plus } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AuditHistory } from "@/components/audit/audit-history";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { TableCard } from "@/components/shell/table-card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appsSettings } from "@/lib/apps/list-settings";
import { loadAuditHistory } from "@/lib/audit/load-history";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { callbackUrlsOf, publicOrigin } from "@/lib/callbacks/callback-urls";
import { pageTitle } from "@/lib/i18n/page-title";
import { AppDialog, type AppFormApp } from "./_components/app-dialog";
import { CallbackStatus } from "./_components/callback-status";
import { CheckAppButton } from "./_components/check-app-button";
import { CorpDialog } from "./_components/corp-dialog";
import { ToggleDialog } from "./_components/toggle-dialog";
import { RoomAccessBadge, RoomAccessHint } from "./_components/room-access-badge";
import { VisibleRange } from "./_components/visible-range";

export const generateMetadata = pageTitle("settings.apps");

const PERMISSION_VARIANT = {
  granted: "success",
  denied: "destructive",
  unknown: "outline",
} as const;

export default async function AppsPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:apps")) return <Forbidden permission="settings:apps" role={ctx.role} />;
  const [t, ta, format, locale] = await Promise.all([
    getTranslations("settings.apps"),
    getTranslations("appsAdmin"),
    getFormatter(),
    getLocale(),
  ]);
  // No secret reaches this page: appsSettings says only whether each one is set.
  const { corps, apps } = await appsSettings(ctx.db, locale === "en" ? "en" : "zh-CN");
  const events = await loadAuditHistory(ctx.db, {
    // "App": checks recorded before corps and apps had their own settings.
    objectTypes: ["corp", "app", "App"],
    objectIds: [...corps.map((c) => c.id), ...apps.map((a) => a.id)],
    take: 300,
  });
  // The change log's words for an app's kind and for the field a check suspects.
  const auditValue = (field: string, v: unknown) => {
    const key = typeof v === "string" ? v : "";
    if (field === "kind" && ta.has(`kind.${key}` as never)) return ta(`kind.${key}` as never);
    if (field === "field" && ta.has(`audit.fields.${key}` as never))
      return ta(`audit.fields.${key}` as never);
    return undefined;
  };
  const corpOf = new Map(corps.map((c) => [c.id, c]));
  const origin = await publicOrigin();
  const callbackUrls = new Map(apps.map((a) => [a.id, callbackUrlsOf(origin, a)]));
  const formCorps = corps.map(({ id, corpId, name }) => ({ id, corpId, name }));
  const formApp = (app: (typeof apps)[number]): AppFormApp => ({
    id: app.id,
    corpRowId: app.corpRowId,
    name: app.name,
    kind: app.kind,
    agentId: app.agentId,
    baseUrl: app.baseUrl,
    suiteId: app.suiteId,
    secrets: app.secrets,
    callbackUrls: callbackUrls.get(app.id)!,
    problem: app.problem,
  });

  const addCorp = (
    <CorpDialog
      trigger={
        <Button variant="outline">
          <Plus className="size-4" aria-hidden />
          {ta("corps.add")}
        </Button>
      }
    />
  );

  return (
    // The dialogs, toggles and check buttons are the page's client components.
    <ClientMessages
      namespaces={["settings.apps.check", "appsAdmin", "rooms.access", "unsavedChanges"]}
    >
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {addCorp}
            {corps.length > 0 ? (
              <AppDialog
                corps={formCorps}
                trigger={
                  <Button>
                    <Plus className="size-4" aria-hidden />
                    {ta("apps.add")}
                  </Button>
                }
              />
            ) : null}
          </>
        }
      />
      {corps.length === 0 ? (
        <EmptyState
          icon={<Blocks />}
          title={t("empty.title")}
          description={ta("emptyDescription")}
        />
      ) : (
        <section className="mb-6 grid gap-3" aria-labelledby="corps-heading">
          <h2 id="corps-heading" className="text-lg font-semibold">
            {ta("corps.heading")}
          </h2>
          <ul className="grid gap-3 md:grid-cols-2">
            {corps.map((corp) => (
              <li
                key={corp.id}
                className="flex flex-wrap items-start justify-between gap-3 rounded-lg border bg-background p-4"
                data-testid={`corp-${corp.corpId}`}
              >
                <div className="grid gap-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{corp.name}</span>
                    {corp.disabled ? (
                      <Badge variant="destructive">{ta("corps.disabled")}</Badge>
                    ) : null}
                  </div>
                  <span className="text-xs text-muted-foreground">
                    CorpID <span className="font-mono">{corp.corpId}</span> ·{" "}
                    {ta("corps.appCount", {
                      count: apps.filter((a) => a.corpRowId === corp.id).length,
                    })}
                  </span>
                  {corp.disabled ? (
                    <span className="text-xs text-destructive">{ta("corps.disabledNote")}</span>
                  ) : null}
                </div>
                <div className="flex flex-wrap gap-2">
                  <AppDialog
                    corps={formCorps}
                    corpRowId={corp.id}
                    trigger={
                      <Button
                        variant="outline"
                        size="sm"
                        aria-label={ta("corps.addAppLabel", { corp: corp.name })}
                      >
                        <Plus className="size-4" aria-hidden />
                        {ta("corps.addApp")}
                      </Button>
                    }
                  />
                  <CorpDialog
                    corp={{
                      id: corp.id,
                      corpId: corp.corpId,
                      name: corp.name,
                      apps: apps
                        .filter((a) => a.corpRowId === corp.id)
                        .map(({ id, name, kind }) => ({ id, name, kind })),
                    }}
                    trigger={
                      <Button
                        variant="outline"
                        size="sm"
                        aria-label={ta("corps.editLabel", { corp: corp.name })}
                      >
                        <Pencil className="size-4" aria-hidden />
                        {ta("corps.edit")}
                      </Button>
                    }
                  />
                  <ToggleDialog
                    target="corp"
                    id={corp.id}
                    name={corp.name}
                    enabled={!corp.disabled}
                  />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {apps.length > 0 ? (
        <section className="grid grid-cols-1 gap-3" aria-labelledby="apps-heading">
          <h2 id="apps-heading" className="text-lg font-semibold">
            {ta("apps.heading")}
          </h2>
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
              {apps.map((app) => {
                const corp = corpOf.get(app.corpRowId);
                return (
                  <TableRow key={app.id} data-testid={`app-row-${app.agentId ?? app.id}`}>
                    <TableCell>
                      <div className="font-medium">{app.name}</div>
                      <div className="text-xs text-muted-foreground">
                        {corp?.name} · AgentId{" "}
                        <span className="font-mono">{app.agentId ?? "—"}</span>
                      </div>
                    </TableCell>
                    <TableCell>{t(`kind.${app.kind}`)}</TableCell>
                    <TableCell className="max-w-72 whitespace-normal">
                      <div className="flex flex-wrap gap-1">
                        <Badge variant={PERMISSION_VARIANT[app.meetingPermission]}>
                          {t(`permission.${app.meetingPermission}`)}
                        </Badge>
                        <RoomAccessBadge access={app.rooms} />
                        {app.status === "unauthorised" && (
                          <Badge variant="destructive">{t("unauthorised")}</Badge>
                        )}
                        {app.status === "disabled" && (
                          <Badge variant="destructive">{ta("apps.disabled")}</Badge>
                        )}
                        {corp?.disabled && (
                          <Badge variant="destructive">{ta("apps.corpDisabled")}</Badge>
                        )}
                        {app.secrets.callbackToken && !app.callback.verifiedAt && (
                          <Badge variant="warning">{ta("callback.unverified")}</Badge>
                        )}
                      </div>
                      <RoomAccessHint access={app.rooms} />
                      {app.problem && (
                        <p className="mt-1 text-xs text-destructive" data-testid="app-check-error">
                          {app.problem.text}
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
                    <TableCell className="max-w-56 truncate font-mono text-xs">
                      {app.baseUrl}
                    </TableCell>
                    <TableCell className="text-right">
                      <div className="flex flex-wrap justify-end gap-2">
                        <CheckAppButton appId={app.id} appName={app.name} />
                        <AppDialog
                          corps={formCorps}
                          app={formApp(app)}
                          trigger={
                            <Button
                              variant="outline"
                              size="sm"
                              aria-label={ta("apps.editLabel", { app: app.name })}
                            >
                              <Pencil className="size-4" aria-hidden />
                              {ta("apps.edit")}
                            </Button>
                          }
                        />
                        <ToggleDialog
                          target="app"
                          id={app.id}
                          name={app.name}
                          enabled={app.status !== "disabled"}
                        />
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </TableCard>
        </section>
      ) : null}
      {apps.length > 0 ? (
        <CallbackStatus apps={apps} urls={callbackUrls} timeZone={ctx.tenant.timeZone} />
      ) : null}
      <AuditHistory
        entries={events}
        timeZone={ctx.tenant.timeZone}
        messages="appsAdmin.audit"
        testId="apps-audit"
        // A check's visible range is on the app's row; the log says what it concluded.
        diff={{ skip: ["visible"] }}
        valueLabel={auditValue}
        groups={[
          ...corps.map((c) => ({
            objectId: c.id,
            title: ta("audit.corp", { name: c.name }),
            testId: `audit-corp-${c.id}`,
          })),
          ...apps.map((a) => ({
            objectId: a.id,
            title: ta("audit.app", { name: a.name }),
            testId: `audit-app-${a.id}`,
          })),
        ]}
      />
    </ClientMessages>
  );
}
