"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Controller, type UseFormReturn, useFormState, useWatch } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { occurrenceCount, seriesCap, type BookingValues } from "@/lib/schemas/booking-values";
import { REPEAT_MONTH_DAYS_MAX, REPEAT_TYPES, REPEAT_WEEKDAYS } from "@/lib/schemas/booking-rules";
import { Counter } from "./counter";
import { NumberChoices } from "./number-choices";
import {
  REPEAT_CHOICES,
  choiceOf,
  customDays,
  valuesOfChoice,
  type RepeatChoice,
} from "./repeat-choice";
import { useErrorText } from "./field-error";
import { Labelled, Section } from "./section";
import { SwitchRow } from "./settings-section";

const OccurrencePreview = dynamic(() => import("./occurrence-preview"), { ssr: false });

export function RepeatSection({
  form,
  timeZone,
  selfBuilt,
  paidEdition,
}: {
  form: UseFormReturn<BookingValues>;
  timeZone: string;
  /** Custom recurrence and a count end are WeCom's advanced fields: self-built apps only. */
  selfBuilt: boolean;
  paidEdition: boolean;
}) {
  const t = useTranslations("booking");
  const errorText = useErrorText();
  const { errors: e, isSubmitted } = useFormState({ control: form.control });
  const values = useWatch({ control: form.control }) as BookingValues;
  const cap = seriesCap(values);
  const count = values.isRepeat ? occurrenceCount(values, timeZone) : undefined;
  const choice = choiceOf(values);
  const set = (patch: Partial<BookingValues>) => {
    for (const [k, v] of Object.entries(patch))
      form.setValue(k as keyof BookingValues, v as never, {
        shouldDirty: true,
        shouldValidate: isSubmitted,
      });
  };
  const byCount = values.repeatCount != null;

  return (
    <Section title={t("sections.repeat")}>
      <SwitchRow
        form={form}
        name="isRepeat"
        label={t("isRepeat")}
        // Turning a series on starts weekly, on the start's weekday.
        onChange={(on) => (on ? set(valuesOfChoice("weekly", values, timeZone)) : undefined)}
      />
      <div className="hidden md:block" />
      {values.isRepeat ? (
        <>
          <FormField id="repeatType" label={t("repeatType")} error={errorText(e.repeatType)}>
            <NativeSelect
              value={choice}
              onChange={(ev) =>
                set(valuesOfChoice(ev.target.value as RepeatChoice, values, timeZone))
              }
            >
              {REPEAT_CHOICES.filter((c) => c !== "custom" || selfBuilt || choice === c).map(
                (c) => (
                  <option key={c} value={c}>
                    {t(`repeatChoices.${c}`)}
                  </option>
                ),
              )}
            </NativeSelect>
          </FormField>
          {choice === "custom" ? (
            <FormField
              id="customFrequency"
              label={t("customFrequency")}
              error={errorText(e.isCustomRepeat)}
            >
              <NativeSelect
                value={values.repeatType}
                onChange={(ev) => {
                  const type = Number(ev.target.value);
                  set({ repeatType: type as 1 | 2, ...customDays(type, values, timeZone) });
                }}
              >
                <option value={REPEAT_TYPES.weekly}>{t("customFrequencies.1")}</option>
                <option value={REPEAT_TYPES.monthly}>{t("customFrequencies.2")}</option>
              </NativeSelect>
            </FormField>
          ) : (
            <div className="hidden md:block" />
          )}
          {choice === "custom" && !paidEdition ? (
            <Alert className="md:col-span-2">
              <AlertDescription>{t("customPaidHint")}</AlertDescription>
            </Alert>
          ) : null}
          {choice === "custom" ? <CustomDays form={form} values={values} /> : null}
          {selfBuilt || byCount ? (
            <FormField id="repeatEnd" label={t("repeatEnd")}>
              <NativeSelect
                value={byCount ? "count" : "date"}
                onChange={(ev) =>
                  set(
                    ev.target.value === "count"
                      ? { repeatCount: Math.min(10, cap), repeatUntil: "" }
                      : { repeatCount: undefined },
                  )
                }
              >
                <option value="date">{t("repeatEnds.date")}</option>
                <option value="count">{t("repeatEnds.count")}</option>
              </NativeSelect>
            </FormField>
          ) : null}
          {byCount ? (
            <FormField
              id="repeatCount"
              label={t("repeatCount")}
              error={errorText(e.repeatCount)}
              description={t("repeatCountHint", { max: cap })}
            >
              <Input
                type="number"
                inputMode="numeric"
                min={1}
                max={cap}
                {...form.register("repeatCount", {
                  // An emptied box stays "after N occurrences" and asks for N.
                  setValueAs: (v: string | number) => (v === "" ? NaN : Number(v)),
                })}
              />
            </FormField>
          ) : (
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
          )}
          <OccurrencePreview values={values} timeZone={timeZone} />
        </>
      ) : null}
    </Section>
  );
}

/** The chosen weekdays of a custom weekly series, or days of a custom monthly one. */
function CustomDays({
  form,
  values,
}: {
  form: UseFormReturn<BookingValues>;
  values: BookingValues;
}) {
  const t = useTranslations("booking");
  const errorText = useErrorText();
  const { errors } = useFormState({ control: form.control });
  const weekly = values.repeatType === REPEAT_TYPES.weekly;
  const name = weekly ? "repeatDaysOfWeek" : "repeatDaysOfMonth";
  const days: readonly number[] = weekly
    ? REPEAT_WEEKDAYS
    : Array.from({ length: REPEAT_MONTH_DAYS_MAX }, (_, i) => i + 1);
  return (
    <Labelled
      id={name}
      label={t(weekly ? "repeatDaysOfWeek" : "repeatDaysOfMonth")}
      error={errorText(errors[name] as never)}
      wide
    >
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => (
          <NumberChoices
            id={name}
            values={days}
            chosen={(field.value as number[] | undefined) ?? []}
            onChange={field.onChange}
            label={(d) => (weekly ? t(`weekdays.${d}` as never) : t("monthDay", { day: d }))}
            className="gap-y-2"
          />
        )}
      />
    </Labelled>
  );
}
