"use client";

import { useTranslations } from "next-intl";
import { Controller, type UseFormReturn, useFormState, useWatch } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import type { BookingValues } from "@/lib/schemas/booking-values";
import {
  ENTER_MUTE_VALUES,
  REMIND_BEFORE_VALUES,
  REMIND_SCOPES,
} from "@/lib/schemas/booking-rules";
import { useErrorText } from "./field-error";
import { NumberChoices } from "./number-choices";
import { Labelled, Section } from "./section";

type BoolField =
  "enableWaitingRoom" | "allowEnterBeforeHost" | "allowExternalUser" | "enableScreenWatermark";

export function SwitchRow({
  form,
  name,
  label,
  hint,
  onChange,
}: {
  form: UseFormReturn<BookingValues>;
  name: BoolField | "isRepeat";
  label: string;
  hint?: string;
  /** Called after the value changed (the switch's own change is kept). */
  onChange?: (checked: boolean) => void;
}) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <div className="flex items-center justify-between gap-4 rounded-md border px-3 py-2">
          <label htmlFor={name} className="grid gap-0.5 text-sm font-medium">
            {label}
            {hint ? (
              <span className="text-xs font-normal text-muted-foreground">{hint}</span>
            ) : null}
          </label>
          <Switch
            id={name}
            checked={field.value}
            onCheckedChange={(checked) => {
              field.onChange(checked);
              onChange?.(checked);
            }}
          />
        </div>
      )}
    />
  );
}

export function SettingsSection({
  form,
  ringPicker,
  passwordHint,
  passwordExtra,
}: {
  form: UseFormReturn<BookingValues>;
  ringPicker: React.ReactNode;
  /** Editing: what an empty password means (the stored one cannot be shown). */
  passwordHint?: string;
  /** Editing: the "remove password" control, when one is set. */
  passwordExtra?: React.ReactNode;
}) {
  const t = useTranslations("booking");
  const errorText = useErrorText();
  const { errors: e } = useFormState({ control: form.control });
  const remindScope = useWatch({ control: form.control, name: "remindScope" });
  return (
    <Section title={t("sections.settings")}>
      <div className="grid gap-2">
        <FormField
          id="password"
          label={t("password")}
          description={passwordHint ?? t("passwordHint")}
          error={errorText(e.password)}
        >
          <Input
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            {...form.register("password")}
          />
        </FormField>
        {passwordExtra}
      </div>
      <FormField id="enableEnterMute" label={t("enterMute")} error={errorText(e.enableEnterMute)}>
        <NativeSelect {...form.register("enableEnterMute", { valueAsNumber: true })}>
          {ENTER_MUTE_VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`enterMutes.${v}`)}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      {/* The three reminders together, each with a line saying what it does. Reminders
          before start apply to one-off meetings as to series (WeCom's reminders block). */}
      <fieldset className="grid gap-5 rounded-md border p-4 md:col-span-2 md:grid-cols-2">
        <legend className="px-1 text-sm font-semibold">{t("reminderGroup")}</legend>
        <FormField
          id="remindScope"
          label={t("remindScope")}
          description={t("remindScopeHint")}
          error={errorText(e.remindScope)}
        >
          <NativeSelect {...form.register("remindScope", { valueAsNumber: true })}>
            {REMIND_SCOPES.map((v) => (
              <option key={v} value={v}>
                {t(`remindScopes.${v}`)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        {remindScope === 4 ? ringPicker : null}
        <Labelled
          id="remindBefore"
          label={t("remindBefore")}
          hint={t("remindBeforeHint")}
          error={errorText(e.remindBefore as never)}
          wide
        >
          <Controller
            control={form.control}
            name="remindBefore"
            render={({ field }) => (
              <NumberChoices
                id="remindBefore"
                values={REMIND_BEFORE_VALUES}
                chosen={field.value}
                onChange={field.onChange}
                label={(v) => t(`remindBefores.${v as (typeof REMIND_BEFORE_VALUES)[number]}`)}
                describedBy="remindBefore-description"
              />
            )}
          />
        </Labelled>
      </fieldset>
      <SwitchRow form={form} name="enableWaitingRoom" label={t("waitingRoom")} />
      <SwitchRow form={form} name="allowEnterBeforeHost" label={t("enterBeforeHost")} />
      <SwitchRow
        form={form}
        name="allowExternalUser"
        label={t("externalUsers")}
        hint={t("externalUsersHint")}
      />
      <SwitchRow form={form} name="enableScreenWatermark" label={t("watermark")} />
    </Section>
  );
}
