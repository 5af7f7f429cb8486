"use client";

import { Loader2, Power, PowerOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { setAppEnabledAction, setCorpEnabledAction } from "@/lib/actions/set-enabled";
import { toast } from "./use-error-text";

/** Disables or enables a corp or an app, after a confirmation that says what follows. */
export function ToggleDialog({
  target,
  id,
  name,
  enabled,
}: {
  target: "corp" | "app";
  id: string;
  name: string;
  /** Whether it is enabled now (the dialog offers the opposite). */
  enabled: boolean;
}) {
  const t = useTranslations("appsAdmin.toggle");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const Target = target === "corp" ? "Corp" : "App";
  const verb = enabled ? "disable" : "enable";
  const vars: Record<string, string> = target === "corp" ? { corp: name } : { app: name };

  const run = async () => {
    setPending(true);
    setError(null);
    try {
      const action = target === "corp" ? setCorpEnabledAction : setAppEnabledAction;
      const result = await action(id, !enabled);
      if (!result.ok) {
        setError(result.formError ?? t("network"));
        return;
      }
      const done = t(`${verb}d${Target}`, { name: result.name });
      if (result.checkError) void toast("warning", done, result.checkError);
      else void toast("success", done);
      setOpen(false);
      router.refresh();
    } catch {
      setError(t("network"));
    } finally {
      setPending(false);
    }
  };

  return (
    <AlertDialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={t(`${verb}${Target}Label`, vars)}>
          {enabled ? (
            <PowerOff className="size-4" aria-hidden />
          ) : (
            <Power className="size-4" aria-hidden />
          )}
          {t(verb)}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent data-testid={`${verb}-${target}-dialog`}>
        <AlertDialogHeader>
          <AlertDialogTitle>{t(`${verb}${Target}Title`, vars)}</AlertDialogTitle>
          <AlertDialogDescription>{t(`${verb}${Target}Body`)}</AlertDialogDescription>
        </AlertDialogHeader>
        {error ? <p className="text-sm text-destructive">{error}</p> : null}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{t("cancel")}</AlertDialogCancel>
          <Button
            variant={enabled ? "destructive" : "default"}
            onClick={() => void run()}
            disabled={pending}
          >
            {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            {pending ? t("working") : t(verb)}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
