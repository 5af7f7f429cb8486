import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown in place of a page the signed-in role may not open. */
export async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <EmptyState
      icon={<ShieldAlert />}
      title={t("forbidden")}
      action={
        <Button asChild variant="outline">
          <Link href="/meetings">{t("back")}</Link>
        </Button>
      }
    />
  );
}
