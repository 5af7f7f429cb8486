"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { revokeInviteAction } from "@/lib/actions/revoke-invite";
import { ConfirmDialog, type ConfirmRequest } from "@/components/dialogs/confirm-dialog";

export function RevokeInviteButton({ inviteId, email }: { inviteId: string; email: string }) {
  const t = useTranslations("usersAdmin");
  const router = useRouter();
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const ask = () =>
    setRequest({
      title: t("invites.revokeTitle", { email }),
      description: t("invites.revokeDescription"),
      destructive: true,
      run: async () => {
        const result = await revokeInviteAction({ inviteId });
        if (!result.ok) return result.message;
        router.refresh();
        return null;
      },
    });
  return (
    <>
      <Button variant="outline" size="sm" onClick={ask}>
        {t("invites.revoke")}
      </Button>
      <ConfirmDialog request={request} onClose={() => setRequest(null)} />
    </>
  );
}
