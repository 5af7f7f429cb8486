"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Controller, type UseFormReturn, useWatch } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { occurrenceCount, seriesCap, type BookingValues } from "@/lib/schemas/booking-values";
import {
  REMIND_BEFORE_VALUES,
  REPEAT_INTERVALS,
  REPEAT_TYPE_VALUES,
  REPEAT_TYPES,
} from "@/lib/schemas/booking-rules";
import { Counter } from "./counter";
import { useErrorText } from "./field-error";
import { Labelled, Section } from "./section";
import { SwitchRow } from "./settings-section";

const OccurrencePreview = dynamic(() => import("./occurrence-preview"), { ssr: false });

export function RepeatSection({
  form,
  timeZone,
}: {
  form: UseFormReturn<BookingValues>;
  timeZone: string;
}) {
  const t = useTranslations("booking");
  const errorText = useErrorText();
  const e = form.formState.errors;
  const values = useWatch({ control: form.control }) as BookingValues;
  const cap = seriesCap(values);
  const count = values.isRepeat ? occurrenceCount(values, timeZone) : undefined;

  return (
    <Section title={t("sections.repeat")}>
      <SwitchRow form={form} name="isRepeat" label={t("isRepeat")} />
      <div className="hidden md:block" />
      {values.isRepeat ? (
        <>
          <FormField id="repeatType" label={t("repeatType")} error={errorText(e.repeatType)}>
            <NativeSelect {...form.register("repeatType", { valueAsNumber: true })}>
              {REPEAT_TYPE_VALUES.map((v) => (
                <option key={v} value={v}>
                  {t(`repeatTypes.${v}`)}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          {values.repeatType === REPEAT_TYPES.weekly ? (
            <FormField
              id="repeatInterval"
              label={t("repeatInterval")}
              error={errorText(e.repeatInterval)}
            >
              <NativeSelect {...form.register("repeatInterval", { valueAsNumber: true })}>
                {REPEAT_INTERVALS.map((v) => (
                  <option key={v} value={v}>
                    {t(`repeatIntervals.${v}`)}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          ) : (
            <div className="hidden md:block" />
          )}
          <FormField
            id="repeatUntil"
            label={t("repeatUntil")}
            error={errorText(e.repeatUntil)}
            description={
              count === undefined ? (
                t("repeatUntilHint", { max: cap })
              ) : (
                <Counter
                  used={Number.isFinite(count) ? count : cap + 1}
                  max={cap}
                  text={
                    Number.isFinite(count)
                      ? t("occurrences", { count, max: cap })
                      : t("occurrencesOpen", { max: cap })
                  }
                />
              )
            }
          >
            <Input type="date" {...form.register("repeatUntil")} />
          </FormField>
          <OccurrencePreview values={values} timeZone={timeZone} />
        </>
      ) : null}
      <Labelled
        id="remindBefore"
        label={t("remindBefore")}
        error={errorText(e.remindBefore as never)}
        wide
      >
        <Controller
          control={form.control}
          name="remindBefore"
          render={({ field }) => (
            <div
              id="remindBefore"
              role="group"
              aria-labelledby="remindBefore-label"
              className="flex flex-wrap gap-4"
            >
              {REMIND_BEFORE_VALUES.map((v) => (
                <label key={v} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 accent-primary"
                    checked={field.value.includes(v)}
                    onChange={(ev) =>
                      field.onChange(
                        ev.target.checked
                          ? [...field.value, v].sort((a, b) => a - b)
                          : field.value.filter((x) => x !== v),
                      )
                    }
                  />
                  {t(`remindBefores.${v}`)}
                </label>
              ))}
            </div>
          )}
        />
      </Labelled>
    </Section>
  );
}
