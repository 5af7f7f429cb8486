import { KeyRound } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { AuditHistory } from "@/components/audit/audit-history";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { TableCard } from "@/components/shell/table-card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listApiKeys } from "@/lib/api-keys/list-keys";
import { loadAuditHistory } from "@/lib/audit/load-history";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { cn } from "@/lib/utils/cn";
import { CreateKeyDialog } from "./_components/create-key-dialog";
import { RevokeKeyButton } from "./_components/revoke-key-button";
import { UsagePanel } from "./_components/usage-panel";

export const generateMetadata = pageTitle("settings.api");

const isRole = (v: unknown): v is Role => typeof v === "string" && ROLES.includes(v as Role);

export default async function ApiKeysPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:api")) return <Forbidden permission="settings:api" role={ctx.role} />;
  const [t, tPage, tRole, format, keys, history] = await Promise.all([
    getTranslations("apiKeys"),
    getTranslations("settings.api"),
    getTranslations("header.role"),
    getFormatter(),
    listApiKeys(ctx.db),
    // Each call a key makes is an audit event too (api.call); this history is the keys'.
    loadAuditHistory(ctx.db, {
      objectTypes: ["ApiToken"],
      actions: ["apiKey.create", "apiKey.revoke"],
    }),
  ]);
  const timeZone = ctx.tenant.timeZone;
  const now = new Date();
  const exact = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "medium", timeZone });
  const short = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone });
  const who = (name: string | null) => name ?? t("list.formerMember");

  return (
    <ClientMessages namespaces={["apiKeys", "header.role", "dialogs", "unsavedChanges"]}>
      <PageHeader
        title={tPage("title")}
        description={tPage("description")}
        actions={<CreateKeyDialog />}
      />
      <div className="grid gap-8">
        {keys.length === 0 ? (
          <EmptyState
            icon={<KeyRound />}
            title={t("empty.title")}
            description={t("empty.description")}
          />
        ) : (
          <section className="grid gap-3" aria-labelledby="api-keys-title">
            <h2 id="api-keys-title" className="text-lg font-semibold">
              {t("list.title")}
            </h2>
            <TableCard testId="api-keys">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("list.columns.name")}</TableHead>
                  <TableHead>{t("list.columns.role")}</TableHead>
                  <TableHead>{t("list.columns.prefix")}</TableHead>
                  <TableHead>{t("list.columns.created")}</TableHead>
                  <TableHead>{t("list.columns.lastUsed")}</TableHead>
                  <TableHead>{t("list.columns.status")}</TableHead>
                  <TableHead className="text-right">{t("list.columns.actions")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {keys.map((key) => (
                  <TableRow
                    key={key.id}
                    data-testid={`api-key-${key.name}`}
                    className={cn(key.revokedAt && "text-muted-foreground")}
                  >
                    <TableCell className="font-medium">{key.name}</TableCell>
                    <TableCell>
                      <Badge variant={key.revokedAt ? "outline" : "secondary"}>
                        {tRole(key.role)}
                      </Badge>
                    </TableCell>
                    <TableCell className="font-mono text-xs">{key.prefix}…</TableCell>
                    <TableCell>
                      {t("list.createdBy", {
                        name: who(key.createdBy),
                        when: short(key.createdAt),
                      })}
                    </TableCell>
                    <TableCell>
                      {key.lastUsedAt ? (
                        <time dateTime={key.lastUsedAt.toISOString()} title={exact(key.lastUsedAt)}>
                          {format.relativeTime(key.lastUsedAt, now)}
                        </time>
                      ) : (
                        t("list.never")
                      )}
                    </TableCell>
                    <TableCell>
                      {key.revokedAt ? (
                        <div className="grid gap-1">
                          <Badge variant="outline">{t("list.revoked")}</Badge>
                          <span className="text-xs">
                            {t("list.revokedBy", {
                              when: short(key.revokedAt),
                              name: who(key.revokedBy),
                            })}
                          </span>
                          {key.revokedReason ? (
                            <span className="text-xs" data-testid="key-revoked-reason">
                              {t(`list.revokedReason.${key.revokedReason}`)}
                            </span>
                          ) : null}
                        </div>
                      ) : (
                        <Badge variant="success">{t("list.active")}</Badge>
                      )}
                    </TableCell>
                    <TableCell className="text-right">
                      {key.revokedAt ? null : (
                        <RevokeKeyButton id={key.id} name={key.name} prefix={key.prefix} />
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </TableCard>
          </section>
        )}
        <UsagePanel />
      </div>
      <AuditHistory
        entries={history}
        timeZone={timeZone}
        messages="apiKeys.history"
        testId="api-keys-history"
        diff={{ fields: ["prefix"] }}
        valueLabel={(field, v) => (field === "role" && isRole(v) ? tRole(v) : undefined)}
      />
    </ClientMessages>
  );
}
