import { getLocale } from "next-intl/server";
import { accountRowsForExport, exportColumns } from "@/lib/accounts/export-accounts";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { csvRows } from "@/lib/csv/escape-cell";

// The tenant's OA accounts and their WeCom userids as CSV, in the import's columns (an
// export imports back to "no changes"); `?template=1` gives the header row alone. UTF-8
// with a BOM so that Excel shows Chinese names.

export async function GET(request: Request): Promise<Response> {
  const ctx = await getTenantContext();
  if (!ctx || !ctx.can("settings:accounts")) return new Response("Not found", { status: 404 });
  const template = new URL(request.url).searchParams.get("template") === "1";
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const { header, corpOrder } = await exportColumns(ctx.db, locale);
  const encoder = new TextEncoder();

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode("\uFEFF"));
        controller.enqueue(encoder.encode(csvRows([header])));
        if (!template) {
          for await (const rows of accountRowsForExport(ctx.db, corpOrder, locale)) {
            controller.enqueue(encoder.encode(csvRows(rows)));
          }
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });

  const day = new Date().toISOString().slice(0, 10);
  const name = template ? "accounts-template.csv" : `accounts-${day}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
