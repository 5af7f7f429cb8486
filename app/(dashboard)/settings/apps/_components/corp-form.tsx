"use client";

// The form of a corp's settings, loaded by CorpDialog when it is about to open.
import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm, useWatch, type FieldError } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { saveCorpAction } from "@/lib/actions/save-corp";
import { SECRETS_OF_KIND } from "@/lib/schemas/app-settings";
import {
  CORP_SETTINGS_FIELDS,
  corpSettingsSchema,
  type CorpSettingsValues,
} from "@/lib/schemas/corp-settings";
import type { CorpFormCorp } from "./corp-dialog";
import { toast, useErrorText } from "./use-error-text";

export function CorpForm({
  corp,
  onDone,
  onCancel,
  onDirty,
}: {
  corp?: CorpFormCorp;
  onDone: () => void;
  onCancel: () => void;
  onDirty: (dirty: boolean) => void;
}) {
  const t = useTranslations("appsAdmin.corpForm");
  const ta = useTranslations("appsAdmin.appForm");
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<CorpSettingsValues>({
    resolver: zodResolver(corpSettingsSchema),
    defaultValues: { id: corp?.id ?? "", corpId: corp?.corpId ?? "", name: corp?.name ?? "" },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useEffect(() => onDirty(isDirty), [isDirty, onDirty]);
  const typedCorpId = useWatch({ control: form.control, name: "corpId" });
  const corpIdChanged = Boolean(corp && typedCorpId.trim() !== corp.corpId);

  const submit = form.handleSubmit(async (values) => {
    let result: Awaited<ReturnType<typeof saveCorpAction>>;
    try {
      result = await saveCorpAction(values);
    } catch {
      form.setError("root.serverError", { type: "server", message: t("network") });
      return;
    }
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors)) {
        if ((CORP_SETTINGS_FIELDS as string[]).includes(field) || field.startsWith("appSecrets."))
          form.setError(field as keyof CorpSettingsValues, { type: "server", message });
      }
      if (result.formError)
        form.setError("root.serverError", { type: "server", message: result.formError });
      return;
    }
    router.refresh();
    void toast("success", t("saved", { corp: values.name.trim() }));
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormField
        id="corp-corpId"
        label={t("corpId")}
        description={t("corpIdHint")}
        error={errorText(errors.corpId)}
      >
        <Input {...form.register("corpId")} autoComplete="off" spellCheck={false} />
      </FormField>
      <FormField
        id="corp-name"
        label={t("name")}
        description={t("nameHint")}
        error={errorText(errors.name)}
      >
        <Input {...form.register("name")} autoComplete="off" />
      </FormField>
      {corp && corpIdChanged && corp.apps.length > 0 ? (
        <fieldset className="grid gap-3 rounded-md border p-3" data-testid="corp-app-secrets">
          <legend className="px-1 text-sm font-medium">{t("reenterSecrets")}</legend>
          <p className="text-muted-foreground text-sm">{t("reenterSecretsHint")}</p>
          {corp.apps.flatMap((app) =>
            SECRETS_OF_KIND[app.kind].map((field) => (
              <FormField
                key={`${app.id}-${field}`}
                id={`corp-app-${app.id}-${field}`}
                label={`${app.name} · ${ta(field)}`}
                error={errorText(errors.appSecrets?.[app.id]?.[field] as FieldError | undefined)}
              >
                <Input
                  {...form.register(`appSecrets.${app.id}.${field}`)}
                  type="password"
                  autoComplete="new-password"
                  spellCheck={false}
                />
              </FormField>
            )),
          )}
        </fieldset>
      ) : null}
      {errors.root?.serverError ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.serverError.message}</AlertDescription>
        </Alert>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
          {isSubmitting ? t("saving") : t("submit")}
        </Button>
      </DialogFooter>
    </form>
  );
}
