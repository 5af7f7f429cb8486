import { Contact, Download, Plus, Upload } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listAccounts, verifySummary } from "@/lib/accounts/list-accounts";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { hasNarrowingAccountFilters, parseAccountFilters } from "@/lib/schemas/account-filters";
import { AccountFiltersBar } from "./_components/account-filters-bar";
import { AccountsTable } from "./_components/accounts-table";
import { VerifyDialog } from "./_components/verify-dialog";

export const generateMetadata = pageTitle("settings.accounts");

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:accounts"))
    return <Forbidden permission="settings:accounts" role={ctx.role} />;
  const filters = parseAccountFilters(await searchParams);
  const [t, format, list, summary] = await Promise.all([
    getTranslations("accountsAdmin"),
    getFormatter(),
    listAccounts(ctx.db, filters),
    verifySummary(ctx.db),
  ]);
  const tz = ctx.tenant.timeZone;

  return (
    <ClientMessages namespaces={["accountsAdmin"]}>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/settings/accounts/import">
                <Upload className="size-4" aria-hidden />
                {t("actions.import")}
              </Link>
            </Button>
            <Button asChild variant="outline">
              <a href="/settings/accounts/export" download>
                <Download className="size-4" aria-hidden />
                {t("actions.export")}
              </a>
            </Button>
            {summary.mappings > 0 ? <VerifyDialog /> : null}
            <Button asChild>
              <Link href="/settings/accounts/new">
                <Plus className="size-4" aria-hidden />
                {t("actions.new")}
              </Link>
            </Button>
          </>
        }
      />
      {list.total === 0 && !hasNarrowingAccountFilters(filters) ? (
        <EmptyState
          icon={<Contact />}
          title={t("empty.title")}
          description={t("empty.description")}
        />
      ) : (
        <div className="space-y-4">
          {summary.mappings > 0 ? (
            <p className="text-sm text-muted-foreground" data-testid="verify-summary">
              {t("summary", {
                mappings: summary.mappings,
                ok: summary.ok,
                notFound: summary.notFound,
                outOfRange: summary.outOfRange,
                unverified: summary.unverified,
              })}
              {summary.lastVerifiedAt
                ? ` · ${t("lastVerified", {
                    time: format.dateTime(new Date(summary.lastVerifiedAt * 1000), {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: tz,
                    }),
                  })}`
                : null}
            </p>
          ) : null}
          <AccountFiltersBar filters={filters} />
          {list.total === 0 ? (
            <EmptyState
              icon={<Contact />}
              title={t("noMatch.title")}
              description={t("noMatch.description")}
            />
          ) : (
            <AccountsTable
              rows={list.rows}
              filters={filters}
              total={list.total}
              page={list.page}
              pageCount={list.pageCount}
              timeZone={tz}
            />
          )}
        </div>
      )}
    </ClientMessages>
  );
}
