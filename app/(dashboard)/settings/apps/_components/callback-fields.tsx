"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FieldError, UseFormReturn } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { AppSettingsValues, StoredSecrets } from "@/lib/schemas/app-settings";
import { randomCallbackKeys } from "@/lib/wecom/callback-keys";

/**
 * The app's WeCom callback: the URL(s) to paste into the WeCom console, and the Token and
 * EncodingAESKey, write-only like every credential. "生成" fills fresh random ones in
 * the browser and shows them, so that they can be copied into the console before saving.
 */
export function CallbackFields({
  form,
  stored,
  urls,
  errorText,
}: {
  form: UseFormReturn<AppSettingsValues>;
  stored: StoredSecrets;
  urls: { data: string; suite: string | null } | null;
  errorText: (error: FieldError | undefined) => string | undefined;
}) {
  const t = useTranslations("appsAdmin.callback");
  const ta = useTranslations("appsAdmin.appForm");
  const [shown, setShown] = useState(false);
  const { errors } = form.formState;
  const generate = () => {
    const keys = randomCallbackKeys();
    form.setValue("callbackToken", keys.token, { shouldDirty: true });
    form.setValue("callbackAesKey", keys.encodingAesKey, { shouldDirty: true });
    setShown(true);
  };
  const state = (isSet: boolean | undefined, label: string, id: string) => (
    <Badge variant={isSet ? "success" : "outline"} className="mr-2" data-testid={`${id}-state`}>
      {ta("secretState", { field: label, state: isSet ? ta("set") : ta("unset") })}
    </Badge>
  );
  const secretInput = (name: "callbackToken" | "callbackAesKey", isSet: boolean | undefined) => (
    <Input
      {...form.register(name)}
      type={shown ? "text" : "password"}
      autoComplete="new-password"
      spellCheck={false}
      className="font-mono"
      placeholder={isSet ? ta("keepPlaceholder") : undefined}
    />
  );

  return (
    <fieldset className="grid gap-3 rounded-md border p-3" data-testid="callback-fields">
      <legend className="px-1 text-sm font-medium">{t("heading")}</legend>
      <p className="text-sm text-muted-foreground">{t("hint")}</p>
      {urls ? (
        <>
          <FormField id="app-callbackUrl" label={t("url")} description={t("urlHint")}>
            <Input readOnly value={urls.data} className="font-mono text-xs" />
          </FormField>
          {urls.suite ? (
            <FormField
              id="app-suiteCallbackUrl"
              label={t("suiteUrl")}
              description={t("suiteUrlHint")}
            >
              <Input readOnly value={urls.suite} className="font-mono text-xs" />
            </FormField>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t("urlAfterSave")}</p>
      )}
      <FormField
        id="app-callbackToken"
        label="Token"
        error={errorText(errors.callbackToken)}
        description={state(stored.callbackToken, "Token", "app-callbackToken")}
      >
        {secretInput("callbackToken", stored.callbackToken)}
      </FormField>
      <FormField
        id="app-callbackAesKey"
        label="EncodingAESKey"
        error={errorText(errors.callbackAesKey)}
        description={
          <>
            {state(stored.callbackAesKey, "EncodingAESKey", "app-callbackAesKey")}
            {t("aesKeyHint")}
          </>
        }
      >
        {secretInput("callbackAesKey", stored.callbackAesKey)}
      </FormField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="outline" size="sm" onClick={generate}>
          <KeyRound className="size-4" aria-hidden />
          {t("generate")}
        </Button>
        {shown ? <span className="text-xs text-muted-foreground">{t("generatedNote")}</span> : null}
      </div>
    </fieldset>
  );
}
