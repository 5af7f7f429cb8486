import { getTenantContext } from "@/lib/auth/tenant-context";
import { templateCsv, templateXlsx } from "@/lib/batches/template";

// The batch template: ?format=csv|xlsx, ?lang=zh|en (the headers' language).
export async function GET(req: Request) {
  const ctx = await getTenantContext();
  if (!ctx || !ctx.can("meeting:book")) return new Response("Not found", { status: 404 });
  const q = new URL(req.url).searchParams;
  const locale = q.get("lang") === "en" ? "en" : "zh-CN";
  const name = locale === "en" ? "meetings-batch-template" : "批量预约模板";
  const disposition = (ext: string) =>
    `attachment; filename="batch-template.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;
  if (q.get("format") === "xlsx") {
    const body = await templateXlsx(ctx.db, ctx.tenant.timeZone, locale);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": disposition("xlsx"),
      },
    });
  }
  return new Response(await templateCsv(ctx.db, ctx.tenant.timeZone, locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": disposition("csv"),
    },
  });
}
