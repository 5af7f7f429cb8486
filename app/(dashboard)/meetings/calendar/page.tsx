import { CalendarDays } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("calendar");

export default async function CalendarPage() {
  await requireTenantContext("meeting:read");
  const t = await getTranslations("calendar");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState
        icon={<CalendarDays />}
        title={t("empty.title")}
        description={t("empty.description")}
      />
    </>
  );
}
