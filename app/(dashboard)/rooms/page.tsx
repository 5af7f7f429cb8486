import { DoorOpen } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { roomBoard } from "@/lib/rooms/board";
import { formatCivilDate, unixNow } from "@/lib/schemas/wall-clock";
import { BoardGrid } from "./_components/board-grid";
import { DayNav } from "./_components/day-nav";
import { RefreshRoomsButton } from "./_components/refresh-rooms-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rooms");
  return { title: t("title") };
}

export default async function RoomsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const ctx = await requireTenantContext("meeting:read");
  const now = unixNow();
  const tz = ctx.tenant.timeZone;
  const today = formatCivilDate(now, tz);
  const day =
    typeof params.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(params.date)
      ? params.date
      : today;
  const [t, locale] = await Promise.all([getTranslations("rooms"), getLocale()]);
  const board = await roomBoard(ctx.db, {
    appId: typeof params.app === "string" ? params.app : undefined,
    day,
    timeZone: tz,
    locale: locale === "en" ? "en" : "zh-CN",
    nowSec: now,
  });
  const shownDay = formatCivilDate(board.dayStart, tz);
  const canBook = ctx.can("meeting:book");

  return (
    <ClientMessages namespaces={["rooms.board", "rooms.equipment"]}>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={board.app && canBook ? <RefreshRoomsButton appId={board.app.id} /> : null}
      />
      {!board.app ? (
        <EmptyState
          icon={<DoorOpen />}
          title={t("access.self_built_only")}
          description={t("board.noApp")}
        />
      ) : (
        <div className="grid gap-4">
          <DayNav day={shownDay} today={today} appId={board.app.id} apps={board.apps} />
          {board.error ? (
            <Alert variant="destructive">
              <AlertDescription>{t("board.failed", { reason: board.error })}</AlertDescription>
            </Alert>
          ) : null}
          {board.groups.length === 0 ? (
            <EmptyState icon={<DoorOpen />} title={t("title")} description={t("board.noRooms")} />
          ) : (
            <BoardGrid
              board={board}
              timeZone={tz}
              nowSec={now}
              bookHref={
                canBook
                  ? (roomId, start) =>
                      `/meetings/new?app=${encodeURIComponent(board.app!.id)}&room=${roomId}&start=${start}&duration=30`
                  : undefined
              }
            />
          )}
        </div>
      )}
    </ClientMessages>
  );
}
