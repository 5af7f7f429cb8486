"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/**
 * A write-only credential: the form never holds the stored value, only whether one is
 * set. Typing replaces it; leaving the field empty keeps it.
 */
export function SecretField({
  id,
  label,
  hint,
  isSet,
  error,
  registration,
}: {
  id: string;
  label: string;
  hint?: string;
  isSet: boolean;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  const t = useTranslations("appsAdmin.appForm");
  return (
    <FormField
      id={id}
      label={label}
      error={error}
      description={
        <>
          <Badge
            variant={isSet ? "success" : "outline"}
            className="mr-2"
            data-testid={`${id}-state`}
          >
            {t("secretState", { field: label, state: isSet ? t("set") : t("unset") })}
          </Badge>
          {hint}
        </>
      }
    >
      <Input
        {...registration}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        placeholder={isSet ? t("keepPlaceholder") : undefined}
      />
    </FormField>
  );
}
