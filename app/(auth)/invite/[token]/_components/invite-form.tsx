"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldError } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { acceptInviteAction, type AcceptInviteActionResult } from "@/lib/actions/accept-invite";
import { translateMsg } from "@/lib/i18n/translate-msg";
import {
  PASSWORD_MIN_LENGTH,
  setPasswordSchema,
  type SetPasswordInput,
} from "@/lib/schemas/password";

/**
 * A new person chooses a password and is signed in; a person who already has an account
 * only accepts (their password stays), then signs in as usual.
 */
export function InviteForm({
  token,
  existingUser,
  tenant,
}: {
  token: string;
  existingUser: boolean;
  tenant: string;
}) {
  const t = useTranslations("account.invite");
  const tPw = useTranslations("account.password");
  const tErr = useTranslations("account.errors");
  const [done, setDone] = useState<"joined" | "created" | null>(null);
  const form = useForm<SetPasswordInput>({
    resolver: existingUser ? undefined : zodResolver(setPasswordSchema),
    defaultValues: { password: "", confirm: "" },
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
    let result: AcceptInviteActionResult;
    try {
      // A new person is signed in and sent on: this resolves only otherwise.
      result = await acceptInviteAction(token, existingUser ? null : values);
    } catch {
      form.setError("root.serverError", { message: tErr("network") });
      return;
    }
    if (result.ok) {
      setDone(result.existingUser ? "joined" : "created");
      return;
    }
    if (result.fieldErrors.password)
      form.setError("password", { type: "server", message: result.fieldErrors.password });
    if (result.fieldErrors.confirm)
      form.setError("confirm", { type: "server", message: result.fieldErrors.confirm });
    if (result.formError) form.setError("root.serverError", { message: result.formError });
  });

  if (done)
    return (
      <div className="grid gap-4">
        <Alert data-testid="invite-accepted">
          <AlertDescription>
            {done === "joined" ? t("joined", { tenant }) : t("created")}
          </AlertDescription>
        </Alert>
        <Button asChild>
          <Link href="/login">{t("toLogin")}</Link>
        </Button>
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {existingUser ? null : (
        <>
          <FormField
            id="password"
            label={tPw("new")}
            description={tPw("newHint", { min: PASSWORD_MIN_LENGTH })}
            error={message(errors.password)}
          >
            <Input type="password" autoComplete="new-password" {...form.register("password")} />
          </FormField>
          <FormField id="confirm" label={tPw("confirm")} error={message(errors.confirm)}>
            <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
          </FormField>
        </>
      )}
      {errors.root?.serverError ? (
        <p
          aria-live="polite"
          data-testid="invite-error"
          className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive"
        >
          {errors.root.serverError.message}
        </p>
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : existingUser ? t("accept") : t("setPassword")}
      </Button>
    </form>
  );
}
