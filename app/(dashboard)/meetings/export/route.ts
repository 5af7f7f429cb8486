import { getTranslations } from "next-intl/server";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { csvRows } from "@/lib/csv/escape-cell";
import { meetingsForExport } from "@/lib/meetings/list-meetings";
import { parseMeetingFilters } from "@/lib/schemas/meeting-filters";
import { formatWallClock } from "@/lib/schemas/wall-clock";

// The meetings list as CSV, under the same filters as the page. UTF-8 with a BOM so
// that Excel shows Chinese titles and names.

export async function GET(request: Request): Promise<Response> {
  const ctx = await getTenantContext();
  if (!ctx || !ctx.can("meeting:read")) return new Response("Not found", { status: 404 });
  const filters = parseMeetingFilters(new URL(request.url).searchParams);
  const t = await getTranslations("meetings");
  const tz = ctx.tenant.timeZone;
  const encoder = new TextEncoder();
  const header = [
    "title",
    "start",
    "duration",
    "admin",
    "app",
    "status",
    "meetingid",
    "code",
  ] as const;

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode("\uFEFF"));
        controller.enqueue(encoder.encode(csvRows([header.map((h) => t(`list.csv.${h}`))])));
        for await (const batch of meetingsForExport(ctx.db, tz, filters, {
          userId: ctx.user.id,
        })) {
          const records = batch.map((m) => [
            m.title,
            formatWallClock(m.startAt, tz).replace("T", " "),
            Math.round(m.durationSec / 60),
            m.admin.name,
            m.app.name,
            m.needsReconciliation
              ? `${t(`status.${m.status}`)} (${t("needsReconciliation")})`
              : t(`status.${m.status}`),
            m.wecomMeetingId ?? "",
            m.meetingCode ?? "",
          ]);
          controller.enqueue(encoder.encode(csvRows(records)));
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });

  const day = formatWallClock(Math.floor(Date.now() / 1000), tz).slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="meetings-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
