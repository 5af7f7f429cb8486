"use client";

// The parts of the account picker that show before it is used: its button and the chosen
// people. Light on purpose: the search (cmdk, popover, queries) loads on first use.
import { ChevronsUpDown, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { forwardRef, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import type { PeopleMap, PickedAccount } from "./types";

export const accountLabel = (a: PickedAccount) =>
  [a.name, a.jobNumber, a.department].filter(Boolean).join(" · ");

interface TriggerProps extends Omit<ComponentProps<typeof Button>, "value"> {
  mode: "single" | "multi";
  value: string[];
  people: PeopleMap;
  open: boolean;
  invalid?: boolean;
}

export const PickerTrigger = forwardRef<HTMLButtonElement, TriggerProps>(function PickerTrigger(
  { mode, value, people, open, invalid, ...props },
  ref,
) {
  const t = useTranslations("booking.picker");
  const single = mode === "single" && value[0] ? people[value[0]] : undefined;
  return (
    <Button
      ref={ref}
      type="button"
      variant="outline"
      role="combobox"
      aria-expanded={open}
      aria-invalid={invalid || undefined}
      className="w-full justify-between font-normal aria-invalid:border-destructive"
      {...props}
    >
      <span className="truncate">
        {single
          ? accountLabel(single)
          : mode === "single"
            ? t("chooseOne")
            : value.length
              ? t("selected", { count: value.length })
              : t("choose")}
      </span>
      <ChevronsUpDown className="opacity-50" />
    </Button>
  );
});

export function ChosenPeople({
  value,
  people,
  onRemove,
}: {
  value: string[];
  people: PeopleMap;
  onRemove: (id: string) => void;
}) {
  const t = useTranslations("booking.picker");
  if (value.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t("selected", { count: value.length })}>
      {value.map((accountId) => {
        const a = people[accountId];
        return (
          <li
            key={accountId}
            className="inline-flex items-center gap-1 rounded-full border bg-muted/50 py-0.5 pr-1 pl-2.5 text-xs"
          >
            {a ? a.name : accountId}
            <button
              type="button"
              className="rounded-full p-0.5 hover:bg-muted"
              aria-label={t("remove", { name: a?.name ?? accountId })}
              onClick={() => onRemove(accountId)}
            >
              <X className="size-3" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
