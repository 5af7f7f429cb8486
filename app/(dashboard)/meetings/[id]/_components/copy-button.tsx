"use client";

import { Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

export function CopyButton({ value }: { value: string }) {
  const t = useTranslations("meeting");
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      aria-label={t("copy")}
      onClick={() =>
        void navigator.clipboard?.writeText(value).then(() => toast.success(t("copied")))
      }
    >
      <Copy className="size-4" aria-hidden />
    </Button>
  );
}
