"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { type FieldError, useFieldArray, useFormState, type UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { BookingValues } from "@/lib/schemas/booking-values";
import { GUEST_NAME_MAX } from "@/lib/schemas/booking-rules";
import { useErrorText } from "./field-error";
import { Section } from "./section";

/**
 * WeCom's advanced options (API doc: self-built apps only): phone guests and automatic
 * recording. Shown only when the chosen app is self-built; with a hint when the corp has
 * no paid edition, where WeCom may not carry them out.
 */
export function AdvancedSection({
  form,
  paidEdition,
}: {
  form: UseFormReturn<BookingValues>;
  paidEdition: boolean;
}) {
  const t = useTranslations("advancedBooking");
  const errorText = useErrorText();
  const guests = useFieldArray({ control: form.control, name: "guests" as never });
  const { errors: e } = useFormState({ control: form.control });
  const guestErrors = e.guests as unknown as
    ({ area?: FieldError; phone?: FieldError; name?: FieldError } | undefined)[] | undefined;
  return (
    <Section title={t("title")}>
      <div className="grid gap-3" data-testid="advanced-options">
        {!paidEdition ? (
          <Alert>
            <AlertDescription>{t("paidHint")}</AlertDescription>
          </Alert>
        ) : null}
        <FormField id="autoRecordType" label={t("record")} error={errorText(e.autoRecordType)}>
          <NativeSelect
            {...form.register("autoRecordType", {
              setValueAs: (v: string) => (v === "" ? undefined : v),
            })}
          >
            <option value="">{t("recordDefault")}</option>
            <option value="none">{t("recordNone")}</option>
            <option value="local">{t("recordLocal")}</option>
            <option value="cloud">{t("recordCloud")}</option>
          </NativeSelect>
        </FormField>
        <div className="grid gap-2">
          <span className="text-sm font-medium">{t("guests")}</span>
          <span className="text-xs text-muted-foreground">
            {t("guestsHint", { max: GUEST_NAME_MAX })}
          </span>
          {guests.fields.map((g, i) => (
            <div
              key={g.id}
              className="grid grid-cols-[5rem_1fr_1fr_auto] items-start gap-2"
              data-testid="guest-row"
            >
              <FormField
                id={`guests.${i}.area`}
                label={t("area")}
                error={errorText(guestErrors?.[i]?.area)}
              >
                <Input inputMode="numeric" {...form.register(`guests.${i}.area` as never)} />
              </FormField>
              <FormField
                id={`guests.${i}.phone`}
                label={t("phone")}
                error={errorText(guestErrors?.[i]?.phone)}
              >
                <Input inputMode="tel" {...form.register(`guests.${i}.phone` as never)} />
              </FormField>
              <FormField
                id={`guests.${i}.name`}
                label={t("name")}
                error={errorText(guestErrors?.[i]?.name)}
              >
                <Input maxLength={GUEST_NAME_MAX} {...form.register(`guests.${i}.name` as never)} />
              </FormField>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="mt-6"
                aria-label={t("remove")}
                onClick={() => guests.remove(i)}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </div>
          ))}
          <div>
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => guests.append({ area: "86", phone: "", name: "" } as never)}
            >
              <Plus className="size-4" aria-hidden />
              {t("addGuest")}
            </Button>
          </div>
        </div>
      </div>
    </Section>
  );
}
