"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  const tCommon = useTranslations("common");
  return (
    <EmptyState
      icon={<TriangleAlert />}
      title={t("generic")}
      action={
        <Button variant="outline" onClick={reset}>
          {tCommon("retry")}
        </Button>
      }
    />
  );
}
