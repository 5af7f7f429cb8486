"use client";

// The booking form (product.md "The booking form"): one zod schema with the server
// action, conditional fields, live counters, a draft that survives reloads and a
// submission key that makes every resubmission of it the same booking.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type Control, useForm, useFormState, useWatch, type Resolver } from "react-hook-form";
import { useLeaveGuard } from "@/components/dialogs/unsaved-changes";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { bookMeetingAction } from "@/lib/actions/book-meeting";
import { updateMeetingAction } from "@/lib/actions/update-meeting";
import {
  BOOKING_FIELDS,
  defaultBookingValues,
  type BookingValues,
} from "@/lib/schemas/booking-values";
import { nextHalfHour, unixNow } from "@/lib/schemas/wall-clock";
import { BasicsSection } from "./basics-section";
import { FIELD_LABEL_KEYS, isLabelledField } from "./field-labels";
import { OverlapWarning } from "./overlap-warning";
import { PeopleField } from "./people-field";
import { AdvancedSection } from "./advanced-section";
import { RepeatSection } from "./repeat-section";
import { RoomField } from "./room-field";
import { SettingsSection } from "./settings-section";
import type { BookingAppOption, PeopleMap, PickedAccount } from "./types";
import { useAppSwitch } from "./use-app-switch";
import {
  BOOKING_DRAFT_KEY,
  clearBookingDraft,
  newIdempotencyKey,
  useBookingDraft,
} from "./use-booking-draft";

/** Editing a booked meeting: what the form sends back besides its values. */
export interface BookingEdit {
  meetingId: string;
  /** The version the values were loaded with (meetingForEdit().version). */
  version: number;
  hasPassword: boolean;
  /** The room booked with it (WeCom meetingroom_id), if any. */
  roomId?: number | null;
}

/** From the room board: the app, room and start chosen by clicking a free slot. */
export interface BookingPreset {
  appId: string;
  roomId: number;
  start: string;
  durationMin: number;
}

let validation: Promise<
  [typeof import("@/lib/schemas/booking"), typeof import("@hookform/resolvers/zod")]
> | null = null;
const loadValidation = () =>
  (validation ??= Promise.all([
    import("@/lib/schemas/booking"),
    import("@hookform/resolvers/zod"),
  ]));

export function BookingForm({
  apps,
  timeZone,
  nowSec,
  initial: prefill,
  copyOf,
  edit,
  preset,
}: {
  apps: BookingAppOption[];
  timeZone: string;
  nowSec: number;
  /** Values to start from: a meeting's (edit, or a copy) and the labels of its people. */
  initial?: { values: BookingValues; people: PeopleMap };
  /** Booking a copy of this meeting: its own draft, a new key and start. */
  copyOf?: string;
  edit?: BookingEdit;
  preset?: BookingPreset;
}) {
  const t = useTranslations("booking");
  const router = useRouter();
  // An edit keeps no draft (its version guards it); a copy keeps its own.
  const draftKey = edit ? null : copyOf ? `${BOOKING_DRAFT_KEY}:copy:${copyOf}` : BOOKING_DRAFT_KEY;
  const [people, setPeople] = useState<PeopleMap>(prefill?.people ?? {});
  const [clearPassword, setClearPassword] = useState(false);
  const [conflict, setConflict] = useState(false);
  // The version the values were loaded with: the page's props may move on (revalidation
  // after a save elsewhere) while the form still holds the old values.
  const [loadedVersion] = useState(edit?.version);
  const [restoredNote, setRestoredNote] = useState(false);
  // The invitee cap follows the chosen app (100, or 300 on paid editions).
  const [cap, setCap] = useState(300);
  // The advanced options follow the chosen app's kind (self-built apps only).
  const [appKind, setAppKind] = useState<BookingAppOption["kind"]>(undefined);
  // The zod schema loads when the form first validates (or is first focused), not with
  // the page: the same schema as the server's, a few kB later.
  const resolver = useMemo<Resolver<BookingValues>>(
    () => async (values, context, options) => {
      const [{ bookingSchema }, { zodResolver }] = await loadValidation();
      const schema = bookingSchema({ timeZone, maxInvitees: cap, appKind });
      return (zodResolver(schema) as Resolver<BookingValues>)(values, context, options);
    },
    [timeZone, cap, appKind],
  );
  const usable = apps.filter((a) => !a.unavailable);
  // The key is never rendered, so the server's and the browser's may differ harmlessly.
  const [initial] = useState<BookingValues>(() =>
    edit && prefill
      ? prefill.values
      : prefill
        ? {
            ...prefill.values,
            idempotencyKey: newIdempotencyKey(),
            start: nextHalfHour(nowSec, timeZone),
            password: "",
          }
        : {
            ...defaultBookingValues(newIdempotencyKey()),
            appId: preset?.appId ?? (usable.length === 1 ? usable[0]!.id : ""),
            start: preset?.start ?? nextHalfHour(nowSec, timeZone),
            ...(preset ? { durationMin: preset.durationMin } : {}),
          },
  );
  // The room is booked after the meeting (book_by_meeting), so it is not a booking value.
  const [roomId, setRoomId] = useState<number | null>(edit?.roomId ?? preset?.roomId ?? null);
  const form = useForm<BookingValues>({
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: initial,
  });
  const appId = useWatch({ control: form.control, name: "appId" });
  const app = apps.find((a) => a.id === appId);
  const appCap = app?.maxInvitees ?? 300;
  if (appCap !== cap) setCap(appCap);
  if (app?.kind !== appKind) setAppKind(app?.kind);
  // Switching to an app without them drops the advanced values, which it could not send.
  useEffect(() => {
    if (appKind === "self_built") return;
    if (form.getValues("guests") !== undefined) form.setValue("guests", undefined);
    if (form.getValues("autoRecordType") !== undefined) form.setValue("autoRecordType", undefined);
    // Custom recurrence and a count end likewise: the series falls back to weekly, by date.
    if (form.getValues("isCustomRepeat")) {
      form.setValue("isCustomRepeat", undefined);
      form.setValue("repeatType", 1);
      form.setValue("repeatInterval", 1);
    }
    if (form.getValues("repeatCount") != null) form.setValue("repeatCount", undefined);
  }, [appKind, form]);

  const onRestore = useCallback(
    (draft: { values: BookingValues; people: PeopleMap }) => {
      form.reset(draft.values, { keepDefaultValues: true });
      setPeople(draft.people);
      setRestoredNote(true);
    },
    [form],
  );
  useBookingDraft(draftKey, form, people, onRestore);

  const onPicked = (picked: PickedAccount[]) =>
    picked.length &&
    setPeople((p) => ({ ...p, ...Object.fromEntries(picked.map((a) => [a.id, a])) }));
  // A department the chosen app cannot see: switch to one that can, keeping what is typed.
  const switchApp = useAppSwitch(form, apps, onPicked);

  // Accounts are mapped per corp: another corp's app starts the people afresh.
  const corpRowId = app?.corpRowId;
  const previousCorp = useRef(corpRowId);
  useEffect(() => {
    if (previousCorp.current !== undefined && previousCorp.current !== corpRowId) {
      for (const name of ["inviteeIds", "hostIds", "ringIds"] as const) form.setValue(name, []);
      form.setValue("adminId", "");
    }
    previousCorp.current = corpRowId;
  }, [corpRowId, form]);

  const fieldList = (fields: string[]) =>
    fields
      .filter(isLabelledField)
      .map((f) => t(FIELD_LABEL_KEYS[f]))
      .join("、");

  // Set from the click while the values are validated and with the server, and for good
  // once the form leaves for the meeting's page: the overlap and room questions (asked
  // after a pause in typing) wait meanwhile rather than compete with the booking and the
  // next page for the server, and are never asked once the form has gone.
  const submitting = useRef(false);
  const leaving = useRef(false);
  const submit = async (values: BookingValues) => {
    let result:
      | Awaited<ReturnType<typeof bookMeetingAction>>
      | Awaited<ReturnType<typeof updateMeetingAction>>;
    try {
      result = edit
        ? await updateMeetingAction(
            edit.meetingId,
            clearPassword && !values.password ? { ...values, clearPassword: true } : values,
            loadedVersion,
            app?.rooms ? roomId : undefined,
          )
        : await bookMeetingAction(values, app?.rooms ? roomId : undefined);
    } catch {
      form.setError("root.serverError", { type: "server", message: t("errors.network") });
      return;
    }
    if (edit) {
      if (result.ok && "changed" in result) {
        // sonner loads on demand: it is not part of the form's first load.
        const text = result.changed.length
          ? t("edit.saved", { fields: fieldList(result.changed) })
          : t("edit.unchanged");
        void import("sonner").then(({ toast }) =>
          result.changed.length
            ? toast.success(text, { id: "edit-notice" })
            : toast.info(text, { id: "edit-notice" }),
        );
        leaving.current = true;
        router.push(`/meetings/${edit.meetingId}`);
        router.refresh();
        return;
      }
      if (!result.ok && "conflict" in result && result.conflict) {
        setConflict(true);
        return;
      }
    }
    if (result.ok && "needsReconciliation" in result) {
      clearBookingDraft(draftKey);
      const note = result.needsReconciliation
        ? "uncertain"
        : result.replayed
          ? "replayed"
          : "booked";
      leaving.current = true;
      router.push(`/meetings/${result.meetingId}?notice=${note}`);
      return;
    }
    if (result.ok) return;
    let first: keyof BookingValues | undefined;
    for (const [field, message] of Object.entries(result.fieldErrors)) {
      if (!(BOOKING_FIELDS as string[]).includes(field)) continue;
      form.setError(field as keyof BookingValues, { type: "server", message });
      first ??= field as keyof BookingValues;
    }
    if (result.formError)
      form.setError("root.serverError", { type: "server", message: result.formError });
    if (first) document.getElementById(first)?.scrollIntoView({ block: "center" });
  };
  const onSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    // From the click, validation included (zod may still be loading), to the answer; then
    // paused for good only if the form is leaving.
    submitting.current = true;
    try {
      await form.handleSubmit(submit)(e);
    } finally {
      submitting.current = leaving.current;
    }
  };

  // Leaving with unsent changes asks first; the booking form says its draft is kept.
  const [initialRoom, setInitialRoom] = useState(roomId);
  const leaveGuard = useLeaveGuard(form.formState.isDirty || roomId !== initialRoom, {
    draftKept: draftKey !== null,
  });

  const v = useWatch({ control: form.control }) as BookingValues;
  const picker = (
    name: "adminId" | "inviteeIds" | "hostIds" | "ringIds",
    label: string,
    extra = {},
  ) => (
    <PeopleField
      form={form}
      name={name}
      label={label}
      people={people}
      onPicked={onPicked}
      {...extra}
    />
  );

  return (
    <form
      onSubmit={onSubmit}
      onFocusCapture={() => void loadValidation()}
      noValidate
      className="grid gap-6"
      aria-label={t("title")}
    >
      {restoredNote ? (
        <Alert>
          <AlertDescription>{t("draftRestored")}</AlertDescription>
        </Alert>
      ) : null}
      <BasicsSection
        form={form}
        apps={apps}
        timeZone={timeZone}
        nowSec={nowSec}
        appLocked={Boolean(edit)}
        adminPicker={
          edit ? (
            <FormField id="adminId" label={t("admin")} description={t("adminLocked")}>
              <Input readOnly value={people[initial.adminId]?.name ?? initial.adminId} />
            </FormField>
          ) : (
            picker("adminId", t("admin"), { hint: t("adminHint") })
          )
        }
      />
      {app?.rooms ? (
        <RoomField
          appId={app.id}
          start={v.start}
          durationMin={v.durationMin}
          people={1 + v.inviteeIds.length}
          timeZone={timeZone}
          value={roomId}
          onChange={setRoomId}
          paused={submitting}
        />
      ) : null}
      <section aria-label={t("sections.people")} className="grid gap-6">
        <div className="grid gap-5 rounded-xl border bg-card p-6 shadow-sm md:grid-cols-2">
          <h2 className="text-base font-semibold md:col-span-2">{t("sections.people")}</h2>
          {picker("inviteeIds", t("invitees"), {
            hint: t("inviteesHint", { max: cap }),
            max: cap,
            departments: true,
            wide: true,
            // An edit keeps its app (WeCom's meetings belong to the app that booked them).
            ...(edit ? {} : { onSwitchApp: switchApp }),
          })}
          {picker("hostIds", t("hosts"), { hint: t("hostsHint"), max: 10, wide: true })}
        </div>
      </section>
      <OverlapWarning
        accountIds={[v.adminId, ...v.inviteeIds, ...v.hostIds].filter(Boolean)}
        start={v.start}
        durationMin={v.durationMin}
        timeZone={timeZone}
        // Editing: the meeting itself (and its moved occurrences) is no clash.
        excludeId={edit?.meetingId}
        paused={submitting}
      />
      <SettingsSection
        form={form}
        ringPicker={picker("ringIds", t("ringMembers"), {
          hint: t("ringMembersHint"),
          wide: true,
          // The people invited (and the hosts) are the likely ones to ring.
          suggested: [...new Set([...v.inviteeIds, ...v.hostIds])].flatMap((id) =>
            people[id] ? [people[id]] : [],
          ),
        })}
        passwordHint={
          edit ? t(edit.hasPassword ? "edit.passwordKeep" : "edit.passwordNone") : undefined
        }
        passwordExtra={
          edit?.hasPassword ? (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-primary"
                checked={clearPassword}
                onChange={(e) => setClearPassword(e.target.checked)}
                data-testid="clear-password"
              />
              {t("edit.clearPassword")}
            </label>
          ) : undefined
        }
      />
      {app?.kind === "self_built" ? (
        <AdvancedSection form={form} paidEdition={app.maxInvitees >= 300} />
      ) : null}
      <RepeatSection
        form={form}
        timeZone={timeZone}
        selfBuilt={app?.kind === "self_built"}
        paidEdition={(app?.maxInvitees ?? 0) >= 300}
      />
      {conflict ? (
        <Alert variant="destructive" data-testid="edit-conflict">
          <AlertDescription className="grid gap-3">
            <p>{t("edit.conflict")}</p>
            <div>
              <Button
                type="button"
                variant="outline"
                size="sm"
                // The whole page again: the latest values, version and people.
                onClick={() => window.location.reload()}
              >
                {t("edit.reload")}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      ) : null}
      <FormError control={form.control} />
      <div className="flex items-center justify-end gap-3">
        {edit ? (
          // Back to the meeting page; with changes, the leave guard asks first.
          <Button asChild variant="ghost">
            <Link href={`/meetings/${edit.meetingId}`}>{t("edit.discard")}</Link>
          </Button>
        ) : (
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              clearBookingDraft(draftKey);
              form.reset({
                ...defaultBookingValues(newIdempotencyKey()),
                start: nextHalfHour(unixNow(), timeZone),
              });
              setPeople({});
              setRoomId(null);
              setInitialRoom(null);
              setRestoredNote(false);
            }}
          >
            {t("reset")}
          </Button>
        )}
        <SubmitButton
          control={form.control}
          disabled={conflict}
          label={t(edit ? "edit.submit" : "submit")}
        />
      </div>
      {leaveGuard}
    </form>
  );
}

// The submit button and the form's error subscribe to the form state themselves: the
// form's root never reads it while rendering, so submitting (which sets "submitting",
// then clears the errors, before the action is sent) does not re-render the whole form.
function SubmitButton({
  control,
  disabled,
  label,
}: {
  control: Control<BookingValues>;
  disabled: boolean;
  label: string;
}) {
  const t = useTranslations("booking");
  const { isSubmitting } = useFormState({ control });
  return (
    <Button type="submit" disabled={isSubmitting || disabled}>
      {isSubmitting ? (
        <>
          <Spinner aria-label={t("submitting")} /> {t("submitting")}
        </>
      ) : (
        label
      )}
    </Button>
  );
}

function FormError({ control }: { control: Control<BookingValues> }) {
  const { errors } = useFormState({ control });
  const message = errors.root?.serverError?.message;
  return message ? (
    <Alert variant="destructive" data-testid="form-error">
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  ) : null;
}
