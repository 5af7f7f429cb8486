"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { signInAction } from "@/lib/actions/sign-in";
import type { SignInInput } from "@/lib/schemas/sign-in";

// The rules of signInSchema (lib/schemas/sign-in.ts), checked here without zod: zod would
// be most of the sign-in page's script (docs/decisions/005). The action parses the input
// with the schema itself, so these only spare a round trip; errors are i18n keys.
const rules = {
  identifier: (v: string) =>
    v.trim() === "" ? "required" : v.trim().length > 254 ? "tooLong" : true,
  password: (v: string) => (v === "" ? "required" : v.length > 200 ? "tooLong" : true),
};

export function LoginForm() {
  const t = useTranslations("login");
  const tSecurity = useTranslations("security.signIn");
  const [retryAfter, setRetryAfter] = useState(0);
  const router = useRouter();
  const form = useForm<SignInInput>({ defaultValues: { identifier: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    // On success the action redirects and this never resolves with a result.
    const result = await signInAction({ ...values, identifier: values.identifier.trim() });
    if (result.invitePath) {
      router.push(result.invitePath);
      return;
    }
    setRetryAfter(result.retryAfterSeconds ?? 0);
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
          {...form.register("identifier", { validate: rules.identifier })}
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
          {...form.register("password", { validate: rules.password })}
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
          {serverError === "delayed"
            ? tSecurity("delayed", { seconds: retryAfter })
            : serverError === "address_blocked"
              ? t("errors.rate_limited", { minutes: Math.ceil(retryAfter / 60) })
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
