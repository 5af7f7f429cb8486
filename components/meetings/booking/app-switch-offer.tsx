"use client";

// Under the picker's note, when the chosen app could not see some of a department that
// another app of the corp can: which app, how many, and the switch to it.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function AppSwitchOffer({
  app,
  count,
  onSwitch,
}: {
  app: string;
  count: number;
  onSwitch: () => Promise<void>;
}) {
  const t = useTranslations("booking.picker");
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <p>{t("switchOffer", { app, count })}</p>
      <Button
        type="button"
        size="sm"
        variant="outline"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onSwitch();
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t("switching") : t("switchTo", { app })}
      </Button>
    </div>
  );
}
