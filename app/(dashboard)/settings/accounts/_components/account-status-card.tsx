"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { setAccountActiveAction } from "@/lib/actions/set-account-active";

/** Deactivate (after a confirmation) or reactivate an account. */
export function AccountStatusCard({
  accountId,
  name,
  active,
}: {
  accountId: string;
  name: string;
  active: boolean;
}) {
  const t = useTranslations("accountsAdmin.status");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const set = (next: boolean) =>
    startTransition(async () => {
      setError(null);
      const result = await setAccountActiveAction(accountId, next);
      if (!result.ok) setError(result.formError);
      router.refresh();
    });

  return (
    <div className="space-y-3" data-testid="account-status">
      <p className="text-sm">{active ? t("active") : t("inactive")}</p>
      {active ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" disabled={pending}>
              {t("deactivate")}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t("confirmTitle", { name })}</AlertDialogTitle>
              <AlertDialogDescription>{t("confirmBody")}</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
              <AlertDialogAction onClick={() => set(false)}>{t("confirm")}</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : (
        <Button variant="outline" disabled={pending} onClick={() => set(true)}>
          {t("activate")}
        </Button>
      )}
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
