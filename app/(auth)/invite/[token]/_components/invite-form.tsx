"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, type FieldError } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { acceptInviteAction, type AcceptInviteActionResult } from "@/lib/actions/accept-invite";
import { translateMsg } from "@/lib/i18n/translate-msg";
import {
  accountPasswordSchema,
  PASSWORD_MIN_LENGTH,
  setPasswordSchema,
  type SetPasswordInput,
} from "@/lib/schemas/password";

/**
 * A new person chooses a password; a person who already has an account enters that
 * account's password (it stays as it is). Either way they are signed in to the tenant.
 */
export function InviteForm({ token, existingUser }: { token: string; existingUser: boolean }) {
  const t = useTranslations("account.invite");
  const tPw = useTranslations("account.password");
  const tErr = useTranslations("account.errors");
  const router = useRouter();
  const form = useForm<SetPasswordInput>({
    // The confirm field is not shown for an existing account and stays "".
    resolver: existingUser
      ? zodResolver(accountPasswordSchema.extend({ confirm: z.string() }))
      : zodResolver(setPasswordSchema),
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
      // On success the person is signed in and sent on: this resolves only otherwise.
      result = await acceptInviteAction(
        token,
        existingUser ? { password: values.password } : values,
      );
    } catch {
      form.setError("root.serverError", { message: tErr("network") });
      return;
    }
    if (result.ok) {
      // Accepted, but the automatic sign-in did not go through: sign in by hand.
      router.push("/login");
      return;
    }
    if (result.fieldErrors.password)
      form.setError("password", { type: "server", message: result.fieldErrors.password });
    if (result.fieldErrors.confirm)
      form.setError("confirm", { type: "server", message: result.fieldErrors.confirm });
    if (result.formError) form.setError("root.serverError", { message: result.formError });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {existingUser ? (
        <FormField
          id="password"
          label={t("accountPassword")}
          description={t("accountPasswordHint")}
          error={message(errors.password)}
        >
          <Input type="password" autoComplete="current-password" {...form.register("password")} />
        </FormField>
      ) : (
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
