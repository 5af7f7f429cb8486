import { FileQuestion } from "lucide-react";
import Link from "next/link";
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
          <Button asChild variant="outline">
            <Link href="/meetings">{t("back")}</Link>
          </Button>
        }
      />
    </div>
  );
}
