import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { BookingForm } from "@/components/meetings/booking/booking-form";
import type { BookingAppOption } from "@/components/meetings/booking/types";
import { PageHeader } from "@/components/shell/page-header";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { unixNow } from "@/lib/schemas/wall-clock";

export const generateMetadata = pageTitle("booking");

export default async function NewMeetingPage() {
  const ctx = await requireTenantContext("meeting:book");
  const [t, apps] = await Promise.all([
    getTranslations("booking"),
    ctx.db.app.findMany({
      select: {
        id: true,
        name: true,
        corpRowId: true,
        status: true,
        meetingPermission: true,
        maxInvitees: true,
        corp: { select: { name: true } },
      },
      orderBy: [{ corp: { name: "asc" } }, { name: "asc" }],
    }),
  ]);
  const options: BookingAppOption[] = apps.map((a) => ({
    id: a.id,
    name: a.name,
    corpName: a.corp.name,
    corpRowId: a.corpRowId,
    maxInvitees: a.maxInvitees,
    unavailable:
      a.status !== "active"
        ? a.status
        : a.meetingPermission === "granted"
          ? null
          : a.meetingPermission,
  }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ClientMessages namespaces={["booking"]}>
        <BookingForm apps={options} timeZone={ctx.tenant.timeZone} nowSec={unixNow()} />
      </ClientMessages>
    </>
  );
}
