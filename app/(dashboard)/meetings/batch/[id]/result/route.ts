import { getLocale } from "next-intl/server";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { batchForPage } from "@/lib/batches/batch-access";
import { resultCsv } from "@/lib/batches/result-csv";

// The batch's result as CSV: the rows as uploaded plus what became of each. UTF-8 with a
// BOM so that Excel shows Chinese.
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await getTenantContext();
  const { id } = await params;
  const batch = ctx ? await batchForPage(ctx, id) : null;
  if (!batch) return new Response("Not found", { status: 404 });
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  return new Response(resultCsv(batch, locale, new URL(req.url).origin), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="batch-${batch.id}-result.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
