"use client";

// Searchable picker of the OA accounts mapped in the chosen app's corp (name, job number,
// department), searched on the server. Accounts the app cannot see are listed disabled
// with why (and which other app can see them); the invitee picker also takes a whole
// department, saying before how many this app can add and after who was left out, with
// the offer to switch to an app that can see them (onSwitchApp).
// Loaded on demand (next/dynamic), so it is not part of the booking page's first load.
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { departmentAccountsAction, searchAccountsAction } from "@/lib/actions/booking-lookups";
import { AppSwitchOffer } from "./app-switch-offer";
import { leftOutNote } from "./left-out-note";
import { accountLabel, ChosenPeople, PickerTrigger } from "./picker-parts";
import type { PeopleMap, PickedAccount } from "./types";
import type { SwitchTarget } from "./use-app-switch";

export interface AccountPickerProps {
  id: string;
  appId: string;
  mode: "single" | "multi";
  value: string[];
  people: PeopleMap;
  onChange: (ids: string[], picked: PickedAccount[]) => void;
  max?: number;
  departments?: boolean;
  invalid?: boolean;
  describedBy?: string;
  /** Opened by the click that loaded it. */
  defaultOpen?: boolean;
  /** Switches the form to another app and adds the department: resolves to what it did. */
  onSwitchApp?: (to: SwitchTarget, department: string) => Promise<string>;
  /** Offered first, before any search (the ring picker: the invitees). */
  suggested?: PickedAccount[];
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

export default function AccountPicker(props: AccountPickerProps) {
  return (
    <QueryProvider>
      <Picker {...props} />
    </QueryProvider>
  );
}

function Picker(props: AccountPickerProps) {
  const { id, appId, mode, value, people, onChange, max, invalid, describedBy } = props;
  const t = useTranslations("booking.picker");
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  const [query, setQuery] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [offer, setOffer] = useState<{ department: string; to: SwitchTarget; count: number }>();
  const q = useDebounced(query, 200);
  const search = useQuery({
    queryKey: ["bookable-accounts", appId, q],
    queryFn: () => searchAccountsAction(appId, q),
    enabled: open && appId !== "",
    staleTime: 30_000,
  });

  // Typed but not yet asked (debounce), or asked and not answered: "searching", never
  // "no match" before the answer is in.
  const searching = query !== q || (search.isFetching && !search.data);

  const chosen = new Set(value);
  // Before a search, the suggested people come first; the search's list leaves them out.
  const offered = query.trim() === "" ? (props.suggested ?? []) : [];
  const accounts = (search.data?.accounts ?? []).filter((a) => !offered.some((o) => o.id === a.id));
  const pick = (a: PickedAccount) => {
    if (mode === "single") {
      onChange([a.id], [a]);
      setOpen(false);
      return;
    }
    if (chosen.has(a.id))
      onChange(
        value.filter((x) => x !== a.id),
        [],
      );
    else onChange([...value, a.id], [a]);
  };

  const item = (a: PickedAccount & { seenBy?: string }) => (
    <Command.Item
      key={a.id}
      value={a.id}
      disabled={Boolean(a.blocked)}
      onSelect={() => pick(a)}
      className="flex cursor-pointer items-center justify-between gap-2 rounded px-2 py-1.5 text-sm text-foreground data-[disabled=true]:cursor-not-allowed data-[disabled=true]:opacity-50 data-[selected=true]:bg-accent"
    >
      <span>
        {chosen.has(a.id) ? "✓ " : ""}
        {accountLabel(a)}
      </span>
      {a.blocked ? (
        <span className="text-xs text-muted-foreground">
          {t(`blocked.${a.blocked}`)}
          {a.seenBy ? ` · ${t("seenBy", { app: a.seenBy })}` : null}
        </span>
      ) : null}
    </Command.Item>
  );

  type Department = NonNullable<typeof search.data>["departments"][number];
  const addDepartment = async ({ name, better }: Department) => {
    const members = await departmentAccountsAction(appId, name);
    const room = max === undefined ? Infinity : Math.max(0, max - value.length);
    const fresh = members.filter((m) => !m.blocked && !chosen.has(m.id));
    const added = fresh.slice(0, room);
    const leftOut = members.filter((m) => m.blocked);
    onChange([...value, ...added.map((a) => a.id)], added);
    const parts = [t("departmentAdded", { name, added: added.length }), leftOutNote(t, leftOut)];
    if (fresh.length > added.length) parts.push(t("capReached", { max: max ?? 0 }));
    setNote(parts.filter(Boolean).join(" "));
    const unseen = leftOut.some((m) => m.blocked === "out_of_range");
    setOffer(
      unseen && better && props.onSwitchApp
        ? { department: name, to: better, count: better.addable }
        : undefined,
    );
    setOpen(false);
  };

  return (
    <div className="grid gap-2">
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <PickerTrigger
            id={id}
            mode={mode}
            value={value}
            people={people}
            open={open}
            invalid={invalid}
            aria-describedby={describedBy}
            disabled={appId === ""}
            autoFocus={props.defaultOpen}
          />
        </PopoverTrigger>
        <PopoverContent className="w-(--radix-popover-trigger-width) p-0" align="start">
          <Command shouldFilter={false} className="flex flex-col">
            <Command.Input
              value={query}
              onValueChange={setQuery}
              placeholder={t("search")}
              className="h-10 border-b bg-transparent px-3 text-sm outline-none"
            />
            <Command.List className="max-h-72 overflow-y-auto p-1">
              {searching ? (
                <Command.Loading label={t("loading")}>
                  <div className="p-3 text-sm text-muted-foreground">{t("loading")}</div>
                </Command.Loading>
              ) : (
                <Command.Empty className="p-3 text-sm text-muted-foreground">
                  {t("empty")}
                </Command.Empty>
              )}
              {props.departments && search.data?.departments.length ? (
                <Command.Group heading={t("departments")} className="text-xs text-muted-foreground">
                  {search.data.departments.map((d) => (
                    <Command.Item
                      key={`dept:${d.name}`}
                      value={`dept:${d.name}`}
                      onSelect={() => void addDepartment(d)}
                      className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-foreground data-[selected=true]:bg-accent"
                    >
                      <Users className="size-4 shrink-0" />
                      <span>
                        {d.addable === d.count
                          ? t("addDepartment", { name: d.name, count: d.count })
                          : t("addDepartmentPartly", {
                              name: d.name,
                              addable: d.addable,
                              count: d.count,
                            })}
                        {d.better ? (
                          <span className="block text-xs text-muted-foreground">
                            {t("betterApp", { app: d.better.appName, addable: d.better.addable })}
                          </span>
                        ) : null}
                      </span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {offered.length ? (
                <Command.Group heading={t("suggested")} className="text-xs text-muted-foreground">
                  {offered.map(item)}
                </Command.Group>
              ) : null}
              {accounts.length ? (
                <Command.Group heading={t("accounts")} className="text-xs text-muted-foreground">
                  {accounts.map(item)}
                </Command.Group>
              ) : null}
            </Command.List>
          </Command>
        </PopoverContent>
      </Popover>
      {mode === "multi" ? (
        <ChosenPeople
          value={value}
          people={people}
          onRemove={(x) =>
            onChange(
              value.filter((v) => v !== x),
              [],
            )
          }
        />
      ) : null}
      {note ? (
        <p className="text-sm text-muted-foreground" role="status">
          {note}
        </p>
      ) : null}
      {offer && props.onSwitchApp ? (
        <AppSwitchOffer
          app={offer.to.appName}
          count={offer.count}
          onSwitch={async () => {
            const done = await props.onSwitchApp!(offer.to, offer.department);
            setOffer(undefined);
            setNote(done);
          }}
        />
      ) : null}
    </div>
  );
}
