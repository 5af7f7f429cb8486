"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { useFormState, useWatch, type UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { DURATION_QUICK_PICKS, type BookingValues } from "@/lib/schemas/booking-values";
import { parseWallClock, utcOffsetLabel } from "@/lib/schemas/wall-clock";
import {
  DESCRIPTION_MAX_BYTES,
  LOCATION_MAX_CHARS,
  TITLE_MAX_UNITS,
  codePoints,
  titleUnits,
  utf8Bytes,
} from "@/lib/schemas/booking-rules";
import { Counter } from "./counter";
import { useErrorText } from "./field-error";
import { Section } from "./section";
import type { BookingAppOption } from "./types";

export function BasicsSection({
  form,
  apps,
  timeZone,
  nowSec: now,
  adminPicker,
  appLocked,
}: {
  form: UseFormReturn<BookingValues>;
  apps: BookingAppOption[];
  timeZone: string;
  nowSec: number;
  adminPicker: React.ReactNode;
  /** Editing: the app cannot change, so it is shown, not offered. */
  appLocked?: boolean;
}) {
  const t = useTranslations("booking");
  const errorText = useErrorText();
  const { register, setValue } = form;
  // This section's own subscription: the form's root does not re-render on errors.
  const { errors: e } = useFormState({ control: form.control });
  const [title, description, location, start] = useWatch({
    control: form.control,
    name: ["title", "description", "location", "start"],
  });
  const unavailable = appLocked ? [] : apps.filter((a) => a.unavailable);
  const lockedApp = appLocked ? apps.find((a) => a.id === form.getValues("appId")) : undefined;

  const startSec = parseWallClock(start, timeZone);
  const nowSec = startSec ?? now;
  const local = useLocalTime(startSec, timeZone);

  return (
    <Section title={t("sections.basics")}>
      {!appLocked && apps.every((a) => a.unavailable) ? (
        <Alert className="md:col-span-2" data-testid="no-apps">
          <AlertDescription>
            {t("noApps")}{" "}
            <Link href="/settings/apps" className="underline">
              {t("appCheckLink")}
            </Link>
          </AlertDescription>
        </Alert>
      ) : null}
      <FormField
        id="appId"
        label={t("app")}
        error={errorText(e.appId)}
        description={
          <>
            {appLocked ? t("appLocked") : t("appHint")}
            {unavailable.map((a) => (
              <span key={a.id} className="mt-1 block">
                {t("appUnavailableLine", {
                  app: `${a.corpName} / ${a.name}`,
                  reason: t(`appUnavailable.${a.unavailable!}`),
                })}{" "}
                ·{" "}
                <Link href="/settings/apps" className="underline">
                  {t("appCheckLink")}
                </Link>
              </span>
            ))}
          </>
        }
      >
        {appLocked ? (
          <Input readOnly value={lockedApp ? `${lockedApp.corpName} / ${lockedApp.name}` : ""} />
        ) : (
          <NativeSelect {...register("appId")}>
            <option value="">{t("appPlaceholder")}</option>
            {apps.map((a) => (
              <option key={a.id} value={a.id} disabled={a.unavailable !== null}>
                {a.corpName} / {a.name}
                {a.unavailable ? `（${t(`appUnavailable.${a.unavailable}`)}）` : ""}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
      {adminPicker}
      <FormField
        id="title"
        label={t("meetingTitle")}
        error={errorText(e.title)}
        className="md:col-span-2"
        description={
          <Counter
            used={titleUnits(title.trim())}
            max={TITLE_MAX_UNITS}
            text={t("titleCounter", { used: titleUnits(title.trim()), max: TITLE_MAX_UNITS })}
          />
        }
      >
        <Input autoComplete="off" {...register("title")} />
      </FormField>
      <FormField
        id="start"
        label={t("start")}
        error={errorText(e.start)}
        description={
          <>
            {t("zone", { zone: timeZone, offset: utcOffsetLabel(timeZone, nowSec) })}
            {local ? <span className="block">{t("localTime", { time: local })}</span> : null}
          </>
        }
      >
        <Input type="datetime-local" step={60} {...register("start")} />
      </FormField>
      <div className="grid gap-2">
        <FormField id="durationMin" label={t("duration")} error={errorText(e.durationMin)}>
          <Input
            type="number"
            min={5}
            max={1439}
            step={1}
            {...register("durationMin", { valueAsNumber: true })}
          />
        </FormField>
        <div className="flex gap-2">
          {DURATION_QUICK_PICKS.map((m) => (
            <Button
              key={m}
              type="button"
              size="sm"
              variant="outline"
              onClick={() =>
                setValue("durationMin", m, { shouldValidate: true, shouldDirty: true })
              }
            >
              {t(`quick.${m}`)}
            </Button>
          ))}
        </div>
      </div>
      <FormField
        id="description"
        label={t("meetingDescription")}
        error={errorText(e.description)}
        className="md:col-span-2"
        description={
          <Counter
            used={utf8Bytes(description)}
            max={DESCRIPTION_MAX_BYTES}
            text={t("bytesCounter", { used: utf8Bytes(description), max: DESCRIPTION_MAX_BYTES })}
          />
        }
      >
        <Textarea rows={3} {...register("description")} />
      </FormField>
      <FormField
        id="location"
        label={t("location")}
        error={errorText(e.location)}
        description={
          <Counter
            used={codePoints(location)}
            max={LOCATION_MAX_CHARS}
            text={t("charsCounter", { used: codePoints(location), max: LOCATION_MAX_CHARS })}
          />
        }
      >
        <Input autoComplete="off" {...register("location")} />
      </FormField>
    </Section>
  );
}

/**
 * The start in the browser's own zone when it is not the tenant's, so that a person
 * travelling is not confused. Known only in the browser: computed after hydration.
 */
function useLocalTime(startSec: number | undefined, timeZone: string): string | null {
  const browserZone = useSyncExternalStore(
    subscribeNever,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  if (startSec === undefined || !browserZone || browserZone === timeZone) return null;
  return new Intl.DateTimeFormat(undefined, {
    month: "short",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(startSec * 1000);
}

const subscribeNever = () => () => {};
