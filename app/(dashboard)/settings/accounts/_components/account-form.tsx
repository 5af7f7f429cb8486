"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldError, type FieldPath } from "react-hook-form";
import { useLeaveGuard } from "@/components/dialogs/unsaved-changes";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { saveAccountAction } from "@/lib/actions/save-account";
import { translateMsg } from "@/lib/i18n/translate-msg";
import type { AccountValues } from "@/lib/schemas/account";

/** The account form: the same zod schema as its server action and as each import row. */
export function AccountForm({
  accountId,
  initial,
  corps,
}: {
  /** null: a new account */
  accountId: string | null;
  initial: AccountValues;
  corps: { id: string; name: string }[];
}) {
  const t = useTranslations("accountsAdmin.form");
  const te = useTranslations("accountsAdmin.errors");
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const [resolver] = useState(() =>
    lazyZodResolver(() => import("@/lib/schemas/account").then((m) => m.accountSchema)),
  );
  const form = useForm<AccountValues>({
    resolver,
    defaultValues: initial,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const leaveGuard = useLeaveGuard(isDirty);
  const text = (e: FieldError | undefined) =>
    !e ? undefined : e.type === "server" ? e.message : translateMsg(te as never, e.message);

  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    let result: Awaited<ReturnType<typeof saveAccountAction>>;
    try {
      result = await saveAccountAction(accountId, values);
    } catch {
      form.setError("root.serverError", { type: "server", message: t("network") });
      return;
    }
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors))
        form.setError(field as FieldPath<AccountValues>, { type: "server", message });
      if (result.formError)
        form.setError("root.serverError", { type: "server", message: result.formError });
      return;
    }
    if (!accountId) {
      router.push(`/settings/accounts/${result.accountId}`);
      return;
    }
    form.reset(values);
    setNotice(result.changed ? t("saved") : t("unchanged"));
    router.refresh();
  });

  const field = (name: "name" | "jobNumber" | "email" | "mobile" | "department", hint?: string) => (
    <FormField id={`account-${name}`} label={t(name)} description={hint} error={text(errors[name])}>
      <Input
        {...form.register(name)}
        autoComplete="off"
        type={name === "email" ? "email" : name === "mobile" ? "tel" : "text"}
      />
    </FormField>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="account-form">
      <div className="grid gap-4 md:grid-cols-2">
        {field("name")}
        {field("jobNumber", t("jobNumberHint"))}
        {field("email")}
        {field("mobile")}
        {field("department")}
      </div>
      {corps.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noCorps")}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {corps.map((c) => (
            <FormField
              key={c.id}
              id={`account-userid-${c.id}`}
              label={t("userId", { corp: c.name })}
              description={t("userIdHint", { corp: c.name })}
              error={text(errors.userIds?.[c.id])}
            >
              <Input
                {...form.register(`userIds.${c.id}`)}
                autoComplete="off"
                className="font-mono"
              />
            </FormField>
          ))}
        </div>
      )}
      {errors.root?.serverError ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.serverError.message}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? <Spinner aria-label={t("saving")} /> : null}
          {isSubmitting ? t("saving") : accountId ? t("save") : t("create")}
        </Button>
        <span
          className="text-sm text-muted-foreground"
          aria-live="polite"
          role="status"
          data-testid="account-form-notice"
        >
          {notice}
        </span>
      </div>
      {leaveGuard}
    </form>
  );
}
