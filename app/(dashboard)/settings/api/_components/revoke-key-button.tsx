"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog, type ConfirmRequest } from "@/components/dialogs/confirm-dialog";
import { Button } from "@/components/ui/button";
import { revokeApiKeyAction } from "@/lib/actions/revoke-api-key";

/** Revoke, behind a confirmation that names the key; effective at once. */
export function RevokeKeyButton({
  id,
  name,
  prefix,
}: {
  id: string;
  name: string;
  prefix: string;
}) {
  const t = useTranslations("apiKeys");
  const router = useRouter();
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const ask = () =>
    setRequest({
      title: t("revoke.title", { name }),
      description: t("revoke.description", { prefix }),
      destructive: true,
      confirmLabel: t("revoke.confirm"),
      run: async () => {
        const result = await revokeApiKeyAction({ id });
        if (!result.ok) return result.formError ?? t("errors.invalid");
        router.refresh();
        return null;
      },
    });
  return (
    <>
      <Button variant="outline" size="sm" onClick={ask} aria-label={t("revoke.label", { name })}>
        {t("revoke.button")}
      </Button>
      <ConfirmDialog request={request} onClose={() => setRequest(null)} />
    </>
  );
}
