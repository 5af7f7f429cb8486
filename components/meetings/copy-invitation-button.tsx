"use client";

import { ClipboardCopy } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Copies the invitation text composed on the server (title, time, code, link, password). */
export function CopyInvitationButton({ text }: { text: string }) {
  const t = useTranslations("meeting.invitation");
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      data-testid="copy-invitation"
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => toast.success(t("copied")),
          () => toast.error(t("copyFailed")),
        )
      }
    >
      <ClipboardCopy className="size-4" aria-hidden />
      {t("copy")}
    </Button>
  );
}
