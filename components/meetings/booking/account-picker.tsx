"use client";

// Searchable picker of the OA accounts mapped in the chosen app's corp (name, job number,
// department), searched on the server. Accounts the app cannot see are listed disabled
// with why; the invitee picker also takes a whole department, saying who was left out.
// Loaded on demand (next/dynamic), so it is not part of the booking page's first load.
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { departmentAccountsAction, searchAccountsAction } from "@/lib/actions/booking-lookups";
import { accountLabel, ChosenPeople, PickerTrigger } from "./picker-parts";
import type { PeopleMap, PickedAccount } from "./types";

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
  const { id, appId, mode, value, people, onChange, max, invalid, describedBy } = props;
  const t = useTranslations("booking.picker");
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  const [query, setQuery] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const q = useDebounced(query, 200);
  const search = useQuery({
    queryKey: ["bookable-accounts", appId, q],
    queryFn: () => searchAccountsAction(appId, q),
    enabled: open && appId !== "",
    staleTime: 30_000,
  });

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

  const item = (a: PickedAccount) => (
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
        <span className="text-xs text-muted-foreground">{t(`blocked.${a.blocked}`)}</span>
      ) : null}
    </Command.Item>
  );

  const addDepartment = async (name: string) => {
    const members = await departmentAccountsAction(appId, name);
    const room = max === undefined ? Infinity : Math.max(0, max - value.length);
    const fresh = members.filter((m) => !m.blocked && !chosen.has(m.id));
    const added = fresh.slice(0, room);
    const leftOut = members.filter((m) => m.blocked);
    onChange([...value, ...added.map((a) => a.id)], added);
    const parts = [t("departmentAdded", { name, added: added.length })];
    if (leftOut.length)
      parts.push(
        t("departmentLeftOut", {
          count: leftOut.length,
          list: leftOut.map((m) => `${m.name}（${t(`blocked.${m.blocked!}`)}）`).join("、"),
        }),
      );
    if (fresh.length > added.length) parts.push(t("capReached", { max: max ?? 0 }));
    setNote(parts.join(" "));
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
        <PopoverContent className="w-[min(32rem,90vw)] p-0" align="start">
          <Command shouldFilter={false} className="flex flex-col">
            <Command.Input
              value={query}
              onValueChange={setQuery}
              placeholder={t("search")}
              className="h-10 border-b bg-transparent px-3 text-sm outline-none"
            />
            <Command.List className="max-h-72 overflow-y-auto p-1">
              {search.isFetching && !search.data ? (
                <Command.Loading>
                  <div className="p-3 text-sm text-muted-foreground">{t("loading")}</div>
                </Command.Loading>
              ) : null}
              <Command.Empty className="p-3 text-sm text-muted-foreground">
                {t("empty")}
              </Command.Empty>
              {props.departments && search.data?.departments.length ? (
                <Command.Group heading={t("departments")} className="text-xs text-muted-foreground">
                  {search.data.departments.map((d) => (
                    <Command.Item
                      key={`dept:${d.name}`}
                      value={`dept:${d.name}`}
                      onSelect={() => void addDepartment(d.name)}
                      className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-foreground data-[selected=true]:bg-accent"
                    >
                      <Users className="size-4" />
                      {t("addDepartment", { name: d.name, count: d.count })}
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
    </div>
  );
}
