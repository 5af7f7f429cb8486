// Who a department add (or a switch of app) left out, and why: one line of the picker's note.
import type { useTranslations } from "next-intl";
import type { PickedAccount } from "./types";

export type PickerT = ReturnType<typeof useTranslations<"booking.picker">>;

export function leftOutNote(t: PickerT, leftOut: PickedAccount[]): string | null {
  if (leftOut.length === 0) return null;
  return t("departmentLeftOut", {
    count: leftOut.length,
    list: leftOut.map((m) => `${m.name}（${t(`blocked.${m.blocked!}`)}）`).join("、"),
  });
}
