"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useLeaveGuard } from "@/components/dialogs/unsaved-changes";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { updateTenantSettingsAction } from "@/lib/actions/update-tenant-settings";
import { decodeMsg, type MessageParams } from "@/lib/schemas/messages";
import type { TenantSettings, TenantSettingsInput } from "@/lib/schemas/tenant-settings";

/** The tenant's name and time zone; `zones` comes from the server (Asia/Shanghai first). */
export function TenantSettingsForm({
  initial,
  zones,
}: {
  initial: TenantSettings;
  zones: string[];
}) {
  const t = useTranslations("tenantSettings.form");
  const tErr = useTranslations("tenantSettings.errors");
  const [saved, setSaved] = useState(false);
  const [resolver] = useState(() =>
    lazyZodResolver(() =>
      import("@/lib/schemas/tenant-settings").then((m) => m.tenantSettingsSchema),
    ),
  );
  const form = useForm<TenantSettingsInput, unknown, TenantSettings>({
    resolver,
    defaultValues: initial,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const leaveGuard = useLeaveGuard(isDirty);

  const message = (encoded: string | undefined) => {
    if (!encoded) return undefined;
    const { key, params } = decodeMsg(encoded);
    // Keys come from tenantSettingsSchema and the action; an unknown one reads as "unknown".
    const translate = tErr as unknown as (key: string, params?: MessageParams) => string;
    return tErr.has(key as never) ? translate(key, params) : tErr("unknown");
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await updateTenantSettingsAction(values);
    if (result.ok) {
      form.reset(values);
      setSaved(true);
      return;
    }
    for (const [field, encoded] of Object.entries(result.fieldErrors ?? {}))
      form.setError(field as keyof TenantSettingsInput, { message: encoded });
    if (result.message) form.setError("root.serverError", { message: result.message });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4">
      <FormField id="tenant-name" label={t("name")} error={message(errors.name?.message)}>
        <Input autoComplete="organization" {...form.register("name")} />
      </FormField>
      <FormField
        id="tenant-time-zone"
        label={t("timeZone")}
        description={t("timeZoneHint")}
        error={message(errors.timeZone?.message)}
      >
        <NativeSelect {...form.register("timeZone")}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      {errors.root?.serverError ? (
        <p role="alert" className="text-sm text-destructive">
          {message(errors.root.serverError.message)}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
        {saved && !isDirty ? (
          <span role="status" className="text-sm text-muted-foreground">
            {t("saved")}
          </span>
        ) : null}
      </div>
      {leaveGuard}
    </form>
  );
}
