"use client";

// The form of an app's settings, loaded by AppDialog when it is about to open.
import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { saveAppAction, type SaveAppActionResult } from "@/lib/actions/save-app";
import {
  APP_KINDS,
  APP_SETTINGS_FIELDS,
  appSettingsSchema,
  CALLBACK_SECRET_FIELDS,
  emptyAppSettings,
  OFFICIAL_BASE_URL,
  SECRETS_OF_KIND,
  type AppSettingsField,
  type AppSettingsValues,
  type StoredSecrets,
} from "@/lib/schemas/app-settings";
import { CallbackFields } from "./callback-fields";
import { SecretField } from "./secret-field";
import type { AppFormApp, AppFormCorp } from "./app-dialog";
import { toast, useErrorText } from "./use-error-text";

const NO_SECRETS = {
  secret: "",
  suiteSecret: "",
  suiteTicket: "",
  permanentCode: "",
  callbackToken: "",
  callbackAesKey: "",
};

function initialValues(app: AppFormApp | undefined, corpRowId: string): AppSettingsValues {
  if (!app) return emptyAppSettings(corpRowId);
  return {
    ...NO_SECRETS,
    id: app.id,
    corpRowId: app.corpRowId,
    name: app.name,
    kind: app.kind,
    agentId: app.agentId === null ? "" : String(app.agentId),
    baseUrl: app.baseUrl,
    suiteId: app.suiteId ?? "",
  };
}

export function AppForm({
  corps,
  app,
  corpRowId,
  onDone,
  onCancel,
  onDirty,
}: {
  corps: AppFormCorp[];
  app?: AppFormApp;
  corpRowId?: string;
  onDone: () => void;
  onCancel: () => void;
  onDirty: (dirty: boolean) => void;
}) {
  const t = useTranslations("appsAdmin.appForm");
  const tk = useTranslations("appsAdmin.kind");
  const errorText = useErrorText();
  const router = useRouter();
  // After a save whose check blamed a field, the dialog goes on editing the saved app.
  const [saved, setSaved] = useState<{ id: string; secrets: StoredSecrets } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const stored = useMemo(() => saved?.secrets ?? app?.secrets ?? {}, [saved, app]);
  const editing = Boolean(app ?? saved);
  const resolver = useMemo(() => zodResolver(appSettingsSchema(stored)), [stored]);
  // The last check's finding, at its field, until the form is submitted again.
  const [initialErrors] = useState<FieldErrors<AppSettingsValues> | undefined>(() =>
    app?.problem?.field && (APP_SETTINGS_FIELDS as string[]).includes(app.problem.field)
      ? { [app.problem.field]: { type: "server", message: app.problem.text } }
      : undefined,
  );
  const form = useForm<AppSettingsValues>({
    resolver,
    defaultValues: initialValues(app, corpRowId ?? (corps.length === 1 ? corps[0]!.id : "")),
    errors: initialErrors,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useEffect(() => onDirty(isDirty), [isDirty, onDirty]);
  const [kind, chosenCorp] = useWatch({ control: form.control, name: ["kind", "corpRowId"] });
  const corp = corps.find((c) => c.id === chosenCorp);
  const secretError = (field: AppSettingsField) => errorText(errors[field]);

  const submit = form.handleSubmit(async (values) => {
    setNote(null);
    let result: SaveAppActionResult;
    try {
      result = await saveAppAction({ ...values, id: saved?.id ?? values.id });
    } catch {
      form.setError("root.serverError", { type: "server", message: t("network") });
      return;
    }
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors)) {
        if ((APP_SETTINGS_FIELDS as string[]).includes(field))
          form.setError(field as AppSettingsField, { type: "server", message });
      }
      if (result.formError)
        form.setError("root.serverError", { type: "server", message: result.formError });
      return;
    }
    router.refresh();
    const { check } = result;
    if (check.field) {
      // Saved, but WeCom refused a credential: stay, with the message at that field.
      const secrets = { ...stored };
      for (const field of [...SECRETS_OF_KIND[values.kind], ...CALLBACK_SECRET_FIELDS])
        if (values[field]) secrets[field] = true;
      setSaved({ id: result.appId, secrets });
      form.reset({ ...values, ...NO_SECRETS, id: result.appId });
      form.setError(check.field, { type: "server", message: check.error ?? "" });
      setNote(t("fixField"));
      return;
    }
    if (check.permission === "granted")
      void toast("success", t("savedGranted", { app: result.name }));
    else if (check.error) void toast("error", t("savedFailed", { app: result.name }), check.error);
    else void toast("warning", t("savedIncomplete", { app: result.name }));
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="app-corpRowId"
          label={t("corp")}
          error={errorText(errors.corpRowId)}
          description={editing ? t("fixedOnEdit") : undefined}
        >
          {/* Fixed on edit: shown, not offered (the value stays in the form's state). */}
          {editing ? (
            <Input readOnly value={corp ? `${corp.name}（${corp.corpId}）` : ""} />
          ) : (
            <NativeSelect {...form.register("corpRowId")}>
              <option value="">{t("chooseCorp")}</option>
              {corps.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}（{c.corpId}）
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <FormField id="app-kind" label={t("kind")} error={errorText(errors.kind)}>
          {editing ? (
            <Input readOnly value={tk(kind)} />
          ) : (
            <NativeSelect {...form.register("kind")}>
              {APP_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tk(k)}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
      </div>
      <p className="-mt-2 text-sm text-muted-foreground">{t(`kindHint.${kind}`)}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="app-name" label={t("name")} error={errorText(errors.name)}>
          <Input {...form.register("name")} autoComplete="off" />
        </FormField>
        <FormField
          id="app-agentId"
          label={t("agentId")}
          description={t("agentIdHint")}
          error={errorText(errors.agentId)}
        >
          <Input {...form.register("agentId")} inputMode="numeric" autoComplete="off" />
        </FormField>
      </div>
      {kind === "third_party" ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="app-suiteId" label={t("suiteId")} error={errorText(errors.suiteId)}>
              <Input {...form.register("suiteId")} autoComplete="off" spellCheck={false} />
            </FormField>
            <FormField
              id="app-authCorpId"
              label={t("authCorpId")}
              description={t("authCorpIdHint")}
            >
              <Input value={corp?.corpId ?? ""} readOnly />
            </FormField>
          </div>
          <SecretField
            id="app-suiteSecret"
            label={t("suiteSecret")}
            isSet={Boolean(stored.suiteSecret)}
            error={secretError("suiteSecret")}
            registration={form.register("suiteSecret")}
          />
          <SecretField
            id="app-suiteTicket"
            label={t("suiteTicket")}
            hint={t("suiteTicketHint")}
            isSet={Boolean(stored.suiteTicket)}
            error={secretError("suiteTicket")}
            registration={form.register("suiteTicket")}
          />
          <SecretField
            id="app-permanentCode"
            label={t("permanentCode")}
            hint={t("permanentCodeHint")}
            isSet={Boolean(stored.permanentCode)}
            error={secretError("permanentCode")}
            registration={form.register("permanentCode")}
          />
        </>
      ) : (
        <SecretField
          id="app-secret"
          label={t("secret")}
          hint={t(`secretHint.${kind}`)}
          isSet={Boolean(stored.secret)}
          error={secretError("secret")}
          registration={form.register("secret")}
        />
      )}
      <CallbackFields
        form={form}
        stored={stored}
        urls={app?.callbackUrls ?? null}
        errorText={errorText}
      />
      <FormField
        id="app-baseUrl"
        label={t("baseUrl")}
        error={errorText(errors.baseUrl)}
        description={
          <>
            {t("baseUrlHint")}{" "}
            <button
              type="button"
              className="underline"
              onClick={() => form.setValue("baseUrl", OFFICIAL_BASE_URL, { shouldDirty: true })}
            >
              {t("useOfficial")}
            </button>
          </>
        }
      >
        <Input {...form.register("baseUrl")} autoComplete="off" spellCheck={false} />
      </FormField>
      {note ? (
        <Alert variant="destructive" data-testid="app-form-note">
          <AlertDescription>{note}</AlertDescription>
        </Alert>
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
