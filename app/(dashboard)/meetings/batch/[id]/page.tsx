import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/providers/client-messages";
import { QueryProvider } from "@/components/providers/query-provider";
import { PageHeader } from "@/components/shell/page-header";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { batchForPage, translatedBatch } from "@/lib/batches/batch-access";
import { batchMessages } from "@/lib/batches/texts";
import { pageTitle } from "@/lib/i18n/page-title";
import { BatchProgress } from "../_components/batch-progress";

export const generateMetadata = pageTitle("batches");

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantContext();
  const { id } = await params;
  const batch = await batchForPage(ctx, id);
  if (!batch) notFound();
  const [t, locale] = await Promise.all([getTranslations("batches"), getLocale()]);
  const tr = batchMessages(locale === "en" ? "en" : "zh-CN");
  const initial = translatedBatch(batch, tr);
  return (
    <>
      <PageHeader title={t("title")} description={batch.fileName ?? undefined} />
      <ClientMessages namespaces={["batches"]}>
        <QueryProvider>
          <BatchProgress id={batch.id} initial={initial} />
        </QueryProvider>
      </ClientMessages>
    </>
  );
}
