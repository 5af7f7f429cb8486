import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { BookingForm } from "@/components/meetings/booking/booking-form";
import { loadBookingApps, loadPeopleOf } from "@/components/meetings/booking/load-booking";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { meetingForEdit } from "@/lib/meetings";
import { webActor } from "@/lib/meetings/web-actor";
import { unixNow } from "@/lib/schemas/wall-clock";
import { boardPreset } from "@/components/meetings/booking/board-preset";

export const generateMetadata = pageTitle("booking");

export default async function NewMeetingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const { copy } = params;
  const ctx = await requireTenantContext();
  // A role that may not book sees why, not the error page a thrown ForbiddenError gives.
  if (!ctx.can("meeting:book")) return <Forbidden permission="meeting:book" role={ctx.role} />;
  const copyId = typeof copy === "string" && copy.length <= 64 ? copy : undefined;
  const [t, options, source] = await Promise.all([
    getTranslations("booking"),
    loadBookingApps(ctx),
    // "复制预约 / Book a copy": the meeting's values, read through the tenant's scoped client.
    copyId ? webActor(ctx).then((actor) => meetingForEdit(actor, copyId)) : null,
  ]);
  const initial = source
    ? { values: source.values, people: await loadPeopleOf(ctx, source.values) }
    : undefined;
  return (
    <>
      <PageHeader
        title={source ? t("copy.title") : t("title")}
        description={
          source ? t("copy.description", { title: source.values.title }) : t("description")
        }
      />
      {copyId && !source ? (
        <Alert className="mb-4">
          <AlertDescription>{t("copy.notFound")}</AlertDescription>
        </Alert>
      ) : null}
      <ClientMessages
        namespaces={[
          "booking",
          "rooms.field",
          "rooms.equipment",
          "advancedBooking",
          "unsavedChanges",
        ]}
      >
        <BookingForm
          apps={options}
          timeZone={ctx.tenant.timeZone}
          nowSec={unixNow()}
          initial={initial}
          copyOf={source?.meetingId}
          preset={source ? undefined : boardPreset(params, options)}
        />
      </ClientMessages>
    </>
  );
}
