"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { Controller, type UseFormReturn, useFormState, useWatch } from "react-hook-form";
import type { BookingValues } from "@/lib/schemas/booking-values";
import { useErrorText } from "./field-error";
import { ChosenPeople, PickerTrigger } from "./picker-parts";
import { Labelled } from "./section";
import type { PeopleMap, PickedAccount } from "./types";
import type { SwitchTarget } from "./use-app-switch";

// The picker's search (cmdk, popover, queries) loads when a person reaches for it (hover,
// focus or click), not with the page; until then its button and the chosen people show.
const loadPicker = () => import("./account-picker");
const AccountPicker = lazy(loadPicker);

type PeopleField = "adminId" | "inviteeIds" | "hostIds" | "ringIds";

export function PeopleField({
  form,
  name,
  label,
  hint,
  people,
  onPicked,
  max,
  departments,
  wide,
  onSwitchApp,
  suggested,
}: {
  form: UseFormReturn<BookingValues>;
  name: PeopleField;
  label: string;
  hint?: string;
  people: PeopleMap;
  onPicked: (picked: PickedAccount[]) => void;
  max?: number;
  departments?: boolean;
  wide?: boolean;
  /** Offered when a department added through this app leaves out people another app sees. */
  onSwitchApp?: (to: SwitchTarget, department: string) => Promise<string>;
  /** Offered first in the picker (the ring members: the invitees). */
  suggested?: PickedAccount[];
}) {
  const t = useTranslations("booking");
  const errorText = useErrorText();
  const appId = useWatch({ control: form.control, name: "appId" });
  const { errors } = useFormState({ control: form.control, name });
  const error = errorText(errors[name] as never);
  const [armed, setArmed] = useState(false);
  return (
    <Labelled
      id={name}
      label={label}
      hint={appId ? hint : t("pickAppFirst")}
      error={error}
      wide={wide}
    >
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => {
          const ids =
            name === "adminId"
              ? field.value
                ? [field.value as string]
                : []
              : (field.value as string[]);
          const mode = name === "adminId" ? "single" : "multi";
          const onChange = (next: string[], picked: PickedAccount[]) => {
            onPicked(picked);
            field.onChange(name === "adminId" ? (next[0] ?? "") : next);
            field.onBlur();
          };
          const describedBy = `${name}-description ${name}-error`;
          const preview = (
            <div className="grid gap-2">
              <PickerTrigger
                id={name}
                mode={mode}
                value={ids}
                people={people}
                open={false}
                invalid={Boolean(error)}
                aria-describedby={describedBy}
                disabled={appId === ""}
                // Hover or focus fetches the search; pressing opens it (on pointerdown, so a
                // click is never lost while the preview gives way to the real picker).
                onPointerEnter={() => void loadPicker()}
                onFocus={() => void loadPicker()}
                onPointerDown={() => setArmed(true)}
                onClick={() => setArmed(true)}
              />
              {mode === "multi" ? (
                <ChosenPeople
                  value={ids}
                  people={people}
                  onRemove={(x) =>
                    onChange(
                      ids.filter((v) => v !== x),
                      [],
                    )
                  }
                />
              ) : null}
            </div>
          );
          if (!armed) return preview;
          return (
            <Suspense fallback={preview}>
              <AccountPicker
                id={name}
                appId={appId}
                mode={mode}
                value={ids}
                people={people}
                max={max}
                departments={departments}
                onSwitchApp={onSwitchApp}
                suggested={suggested}
                invalid={Boolean(error)}
                describedBy={describedBy}
                defaultOpen
                onChange={onChange}
              />
            </Suspense>
          );
        }}
      />
    </Labelled>
  );
}
