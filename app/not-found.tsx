import { FileQuestion } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="p-10">
      <EmptyState
        icon={<FileQuestion />}
        title={t("notFound")}
        action={
          // A plain link: next/link here would load with every page, since every page
          // carries this fallback (docs/decisions/005).
          <Button asChild variant="outline">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
            <a href="/meetings">{t("back")}</a>
          </Button>
        }
      />
    </div>
  );
}
