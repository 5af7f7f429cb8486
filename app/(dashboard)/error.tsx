"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations();
  return (
    <EmptyState
      icon={<TriangleAlert />}
      title={t("errors.generic")}
      action={
        <Button variant="outline" onClick={reset}>
          {t("common.retry")}
        </Button>
      }
    />
  );
}
