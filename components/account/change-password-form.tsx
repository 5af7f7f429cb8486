"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldError } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  changePasswordAction,
  type ChangePasswordActionResult,
} from "@/lib/actions/change-password";
import { translateMsg } from "@/lib/i18n/translate-msg";
import type { ChangePasswordInput } from "@/lib/schemas/password";
import { PASSWORD_MIN_LENGTH } from "@/lib/schemas/password-rules";

const FIELDS = ["current", "password", "confirm"] as const;

/** Current password, then the new one twice; the action signs this browser in again. */
export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  const tErr = useTranslations("account.errors");
  const [resolver] = useState(() =>
    lazyZodResolver(() => import("@/lib/schemas/password").then((m) => m.changePasswordSchema)),
  );
  const form = useForm<ChangePasswordInput>({
    resolver,
    defaultValues: { current: "", password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;
  // The resolver's messages are keys; the action's (type "server") arrive translated.
  const message = (e: FieldError | undefined) =>
    !e?.message
      ? undefined
      : e.type === "server"
        ? e.message
        : translateMsg(tErr as never, e.message);

  const onSubmit = form.handleSubmit(async (values) => {
    let result: ChangePasswordActionResult;
    try {
      // On success the action redirects and this never resolves with a result.
      result = await changePasswordAction(values);
    } catch {
      form.setError("root.serverError", { message: tErr("network") });
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors))
      if ((FIELDS as readonly string[]).includes(field))
        form.setError(field as (typeof FIELDS)[number], { type: "server", message: text });
    if (result.formError) form.setError("root.serverError", { message: result.formError });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" data-testid="change-password">
      <FormField id="current" label={t("current")} error={message(errors.current)}>
        <Input type="password" autoComplete="current-password" {...form.register("current")} />
      </FormField>
      <FormField
        id="password"
        label={t("new")}
        description={t("newHint", { min: PASSWORD_MIN_LENGTH })}
        error={message(errors.password)}
      >
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </FormField>
      <FormField id="confirm" label={t("confirm")} error={message(errors.confirm)}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </FormField>
      {errors.root?.serverError ? (
        <p
          aria-live="polite"
          className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive"
        >
          {errors.root.serverError.message}
        </p>
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
