"use client";

import { Plus, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { CopyField } from "@/components/dialogs/copy-field";
import { DialogFormFooter } from "@/components/dialogs/dialog-form-footer";
import { useDialogForm } from "@/components/dialogs/use-dialog-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { createApiKeyAction } from "@/lib/actions/create-api-key";
import { translateMsg } from "@/lib/i18n/translate-msg";
import type { CreateApiKeyInput } from "@/lib/schemas/api-key";
import { API_KEY_NAME_MAX, API_KEY_ROLES } from "@/lib/schemas/api-key-rules";

const EMPTY: CreateApiKeyInput = { name: "", role: "booker" };

/** "Create key": name and role, then the key, shown this once; closing forgets it. */
export function CreateKeyDialog() {
  const t = useTranslations("apiKeys");
  const tRole = useTranslations("header.role");
  const tErr = useTranslations("apiKeys.errors");
  const { form, open, done, message, onOpenChange, onSubmit, discardPrompt } = useDialogForm({
    loadSchema: () => import("@/lib/schemas/api-key").then((m) => m.createApiKeySchema),
    empty: EMPTY,
    fields: ["name", "role"],
    translate: (m) => translateMsg(tErr as never, m),
    action: createApiKeyAction,
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden />
          {t("create.button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg" data-testid="create-api-key-dialog">
        {done ? (
          <div className="grid gap-4" data-testid="api-key-created">
            <DialogHeader>
              <DialogTitle>{t("create.createdTitle", { name: done.name })}</DialogTitle>
            </DialogHeader>
            <Alert>
              <TriangleAlert aria-hidden />
              <AlertDescription>{t("create.warning")}</AlertDescription>
            </Alert>
            <CopyField id="new-api-key" label={t("create.key")} value={done.key} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>{t("create.done")}</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("create.title")}</DialogTitle>
              <DialogDescription>{t("create.description")}</DialogDescription>
            </DialogHeader>
            <FormField
              id="api-key-name"
              label={t("create.name")}
              description={t("create.nameHint")}
              error={message(errors.name)}
            >
              <Input
                autoComplete="off"
                maxLength={API_KEY_NAME_MAX * 2}
                {...form.register("name")}
              />
            </FormField>
            <FormField id="api-key-role" label={t("create.role")} error={message(errors.role)}>
              <NativeSelect {...form.register("role")}>
                {API_KEY_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {tRole(r)}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <DialogFormFooter
              error={errors.root?.serverError?.message}
              errorTestId="create-api-key-error"
              submitting={isSubmitting}
              onCancel={() => onOpenChange(false)}
              labels={{
                cancel: t("create.cancel"),
                submit: t("create.submit"),
                submitting: t("create.submitting"),
              }}
            />
          </form>
        )}
        {discardPrompt}
      </DialogContent>
    </Dialog>
  );
}
