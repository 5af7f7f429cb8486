"use client";

// Switching the booking form to another app of the corp for a department it can see
// (the picker's offer when the chosen app cannot see some of it): the app changes, the
// department's members that app can book are added, and everything else typed stays,
// except the people the new app cannot book, which are taken out and named.
import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { switchAppForDepartmentAction } from "@/lib/actions/booking-lookups";
import type { BookingValues } from "@/lib/schemas/booking-values";
import { leftOutNote } from "./left-out-note";
import type { BookingAppOption, PickedAccount } from "./types";

export interface SwitchTarget {
  appId: string;
  appName: string;
}

/** Returns the switch: it resolves to the note that says what it did. */
export function useAppSwitch(
  form: UseFormReturn<BookingValues>,
  apps: BookingAppOption[],
  onPicked: (picked: PickedAccount[]) => void,
) {
  const t = useTranslations("booking.picker");
  return async (target: SwitchTarget, department: string): Promise<string> => {
    const v = form.getValues();
    const chosen = [v.adminId, ...v.inviteeIds, ...v.hostIds, ...v.ringIds].filter(Boolean);
    const { members, refused } = await switchAppForDepartmentAction({
      appId: target.appId,
      department,
      chosenIds: [...new Set(chosen)],
    });
    const out = new Set(refused.map((a) => a.id));
    const keep = (ids: string[]) => ids.filter((id) => !out.has(id));
    const invitees = keep(v.inviteeIds);
    const max = apps.find((a) => a.id === target.appId)?.maxInvitees ?? 300;
    const fresh = members.filter((m) => !m.blocked && !invitees.includes(m.id));
    const added = fresh.slice(0, Math.max(0, max - invitees.length));

    const opts = { shouldDirty: true, shouldValidate: form.formState.isSubmitted };
    form.setValue("appId", target.appId, opts);
    form.setValue("inviteeIds", [...invitees, ...added.map((a) => a.id)], opts);
    form.setValue("hostIds", keep(v.hostIds), opts);
    form.setValue("ringIds", keep(v.ringIds), opts);
    if (out.has(v.adminId)) form.setValue("adminId", "", opts);
    onPicked(added);

    return [
      t("switched", { app: target.appName, name: department, added: added.length }),
      leftOutNote(
        t,
        members.filter((m) => m.blocked),
      ),
      refused.length
        ? t("switchRemoved", {
            app: target.appName,
            list: refused.map((a) => a.name).join("、"),
          })
        : null,
      fresh.length > added.length ? t("capReached", { max }) : null,
    ]
      .filter(Boolean)
      .join(" ");
  };
}
