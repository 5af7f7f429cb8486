import { getLocale } from "next-intl/server";
import { getTenantContext } from "@/lib/auth/tenant-context";
import { batchForPage, translatedBatch } from "@/lib/batches/batch-access";
import { batchMessages } from "@/lib/batches/texts";

// The batch's progress for its page (polled by TanStack Query): the record, messages
// translated in the reader's language.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await getTenantContext();
  const { id } = await params;
  const batch = ctx ? await batchForPage(ctx, id) : null;
  if (!batch) return Response.json({ error: "not_found" }, { status: 404 });
  const tr = batchMessages((await getLocale()) === "en" ? "en" : "zh-CN");
  return Response.json(translatedBatch(batch, tr), { headers: { "cache-control": "no-store" } });
}
