import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { reportedMeetings } from "@/lib/callbacks/reported-meetings";
import { BOOKABLE_APP_WHERE } from "@/lib/meetings/bookable-app";
import {
  AdoptForm,
  DiscoverForm,
  type AdoptAccount,
  type AdoptApp,
} from "./_components/adopt-forms";
import { ReportedMeetings } from "./_components/reported-meetings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adopt");
  return { title: t("title") };
}

export default async function AdoptPage() {
  const ctx = await requireTenantContext();
  // A role without it sees why, not an error page.
  if (!ctx.can("meeting:manage-any"))
    return <Forbidden permission="meeting:manage-any" role={ctx.role} />;
  const [t, apps, accounts, reported] = await Promise.all([
    getTranslations("adopt"),
    // As for booking: only an active app whose last check granted the meeting permission.
    ctx.db.app.findMany({
      where: BOOKABLE_APP_WHERE,
      select: { id: true, name: true, corpRowId: true, corp: { select: { name: true } } },
      orderBy: [{ corp: { name: "asc" } }, { name: "asc" }],
    }),
    ctx.db.oaAccount.findMany({
      where: { active: true, mappings: { some: {} } },
      select: {
        id: true,
        name: true,
        jobNumber: true,
        department: true,
        mappings: { select: { corpRowId: true, wecomUserId: true } },
      },
      orderBy: [{ name: "asc" }],
    }),
    reportedMeetings(ctx.db),
  ]);
  const appOptions: AdoptApp[] = apps.map((a) => ({
    id: a.id,
    label: `${a.corp.name} / ${a.name}`,
    corpRowId: a.corpRowId,
  }));
  const accountOptions: AdoptAccount[] = accounts.map((a) => ({
    id: a.id,
    name: a.name,
    detail: [a.jobNumber, a.department].filter(Boolean).join(" · "),
    userIds: Object.fromEntries(a.mappings.map((m) => [m.corpRowId, m.wecomUserId])),
  }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ClientMessages namespaces={["adopt", "meetings.status"]}>
        <div className="grid max-w-4xl gap-8">
          {reported.length > 0 ? (
            <ReportedMeetings
              rows={reported.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }))}
              timeZone={ctx.tenant.timeZone}
            />
          ) : null}
          <AdoptForm apps={appOptions} />
          <DiscoverForm
            apps={appOptions}
            accounts={accountOptions}
            timeZone={ctx.tenant.timeZone}
          />
        </div>
      </ClientMessages>
    </>
  );
}
