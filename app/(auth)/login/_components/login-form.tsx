"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { signInAction } from "@/lib/actions/sign-in";
import { signInSchema, type SignInInput } from "@/lib/schemas/sign-in";

export function LoginForm() {
  const t = useTranslations("login");
  const [retryAfter, setRetryAfter] = useState(0);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { identifier: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    // On success the action redirects and this never resolves with a result.
    const result = await signInAction(values);
    setRetryAfter(result.retryAfterMinutes ?? 0);
    form.setError("root.serverError", { message: result.error });
    if (result.error === "invalid") form.resetField("password", { keepError: false });
  });

  const fieldError = (key: string | undefined) =>
    key === "required" ? t("errors.required") : key ? t("errors.unknown") : undefined;
  const serverError = errors.root?.serverError?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="space-y-2">
        <Label htmlFor="identifier">{t("identifier")}</Label>
        <Input
          id="identifier"
          autoComplete="username"
          autoFocus
          aria-invalid={Boolean(errors.identifier)}
          aria-describedby={errors.identifier ? "identifier-error" : undefined}
          {...form.register("identifier")}
        />
        {errors.identifier && (
          <p id="identifier-error" className="text-sm text-destructive">
            {fieldError(errors.identifier.message)}
          </p>
        )}
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">{t("password")}</Label>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(errors.password)}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...form.register("password")}
        />
        {errors.password && (
          <p id="password-error" className="text-sm text-destructive">
            {fieldError(errors.password.message)}
          </p>
        )}
      </div>
      {serverError && (
        <p
          data-testid="login-error"
          aria-live="polite"
          className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive"
        >
          {serverError === "rate_limited"
            ? t("errors.rate_limited", { minutes: retryAfter })
            : serverError === "invalid"
              ? t("errors.invalid")
              : t("errors.unknown")}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
