import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { BookingForm } from "@/components/meetings/booking/booking-form";
import { loadBookingApps, loadPeopleOf } from "@/components/meetings/booking/load-booking";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { canManageMeeting } from "@/lib/auth/permissions";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { meetingForEdit } from "@/lib/meetings";
import { webActor } from "@/lib/meetings/web-actor";
import { unixNow } from "@/lib/schemas/wall-clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("booking.edit");
  return { title: t("title") };
}

export default async function EditMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireTenantContext("meeting:read");
  const [t, ts, edit, apps] = await Promise.all([
    getTranslations("booking.edit"),
    getTranslations("meetings.status"),
    webActor(ctx).then((actor) => meetingForEdit(actor, id)),
    loadBookingApps(ctx),
  ]);
  if (!edit) notFound();

  // Why the form is not offered, when it is not.
  const why = !canManageMeeting(ctx.role, ctx.user.id, edit)
    ? t("forbidden")
    : edit.status !== "booked"
      ? t("notEditable", { status: ts(edit.status) })
      : !edit.editable
        ? t("notConfirmed")
        : null;
  const people = why ? {} : await loadPeopleOf(ctx, edit.values);
  const room = await ctx.db.meeting.findFirst({
    where: { id: edit.meetingId },
    select: { roomId: true },
  });

  return (
    <>
      <Link
        href={`/meetings/${id}`}
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline"
      >
        <ArrowLeft className="size-4" aria-hidden />
        {t("backToMeeting")}
      </Link>
      <PageHeader title={t("title")} description={`${edit.values.title} · ${t("description")}`} />
      {why ? (
        <Alert variant="destructive" data-testid="not-editable">
          <AlertTitle>{t("notEditableTitle")}</AlertTitle>
          <AlertDescription>{why}</AlertDescription>
        </Alert>
      ) : (
        <div className="grid gap-4">
          {edit.unmapped.length ? (
            <Alert>
              <AlertDescription>{t("unmapped", { count: edit.unmapped.length })}</AlertDescription>
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
              apps={apps}
              timeZone={ctx.tenant.timeZone}
              nowSec={unixNow()}
              initial={{ values: edit.values, people }}
              edit={{
                meetingId: edit.meetingId,
                version: edit.version,
                hasPassword: edit.hasPassword,
                roomId: room?.roomId ?? null,
              }}
            />
          </ClientMessages>
        </div>
      )}
    </>
  );
}
