"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import {
  DEFAULT_FILTERS,
  FILTER_STATUSES,
  type FilterStatus,
  type MeetingFilters,
} from "@/lib/schemas/meeting-filters";
import { cn } from "@/lib/utils/cn";
import { useFiltersUrl } from "./use-filters-url";

interface Option {
  id: string;
  name: string;
}

export function FiltersBar({
  filters,
  apps,
  accounts,
  canBook,
}: {
  filters: MeetingFilters;
  apps: Option[];
  accounts: Option[];
  /** Whether the person books meetings: only then is 「我预约的」 offered. */
  canBook: boolean;
}) {
  const t = useTranslations("meetings");
  const { apply } = useFiltersUrl(filters);
  const [q, setQ] = useState(filters.q ?? "");
  // Search as you type: the URL (and so the list) follows 300 ms after the last keystroke.
  useEffect(() => {
    const typed = q.trim();
    if (typed === (filters.q ?? "")) return;
    const timer = setTimeout(() => apply({ q: typed || undefined }), 300);
    return () => clearTimeout(timer);
  }, [q, filters.q, apply]);

  const toggle = (s: FilterStatus) =>
    apply({
      status: filters.status.includes(s)
        ? filters.status.filter((x) => x !== s)
        : [...filters.status, s],
    });
  const chip = (on: boolean) =>
    cn(
      "rounded-full border px-3 py-1 text-xs transition-colors",
      on ? "border-primary bg-primary text-primary-foreground" : "hover:bg-muted",
    );
  const label = (s: FilterStatus) =>
    s === "needs_reconciliation" ? t("needsReconciliation") : t(`status.${s}`);
  const select = (key: "appId" | "adminId" | "inviteeId", options: Option[], name: string) => (
    <label className="flex items-center gap-2 text-sm">
      <span className="shrink-0 text-muted-foreground">{name}</span>
      <NativeSelect
        aria-label={name}
        value={filters[key] ?? ""}
        onChange={(e) => apply({ [key]: e.target.value || undefined })}
        className="w-40"
      >
        <option value="">{t("list.filters.any")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </NativeSelect>
    </label>
  );

  return (
    <div className="space-y-3 rounded-lg border bg-background p-3" data-testid="meeting-filters">
      <div
        className="flex flex-wrap items-center gap-2"
        role="group"
        aria-label={t("list.filters.status")}
      >
        {FILTER_STATUSES.map((s) => {
          const on = filters.status.includes(s);
          return (
            <button
              key={s}
              type="button"
              aria-pressed={on}
              onClick={() => toggle(s)}
              className={chip(on)}
            >
              {label(s)}
            </button>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {canBook ? (
          <button
            type="button"
            aria-pressed={Boolean(filters.mine)}
            onClick={() => apply({ mine: filters.mine ? undefined : true })}
            className={chip(Boolean(filters.mine))}
          >
            {t("list.filters.mine")}
          </button>
        ) : null}
        <form
          className="flex items-center gap-2"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            apply({ q: q.trim() || undefined });
          }}
        >
          <Input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t("list.filters.search")}
            aria-label={t("list.filters.search")}
            className="w-56"
          />
        </form>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted-foreground">{t("list.filters.from")}</span>
          <Input
            type="date"
            aria-label={t("list.filters.from")}
            value={filters.from ?? ""}
            onChange={(e) => apply({ from: e.target.value || undefined })}
            className="w-40"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted-foreground">{t("list.filters.to")}</span>
          <Input
            type="date"
            aria-label={t("list.filters.to")}
            value={filters.to ?? ""}
            onChange={(e) => apply({ to: e.target.value || undefined })}
            className="w-40"
          />
        </label>
        {select("appId", apps, t("list.filters.app"))}
        {select("adminId", accounts, t("list.filters.admin"))}
        {select("inviteeId", accounts, t("list.filters.invitee"))}
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={() => {
            setQ("");
            apply({
              ...DEFAULT_FILTERS,
              from: undefined,
              to: undefined,
              appId: undefined,
              adminId: undefined,
              inviteeId: undefined,
              q: undefined,
              mine: undefined,
              size: filters.size,
            });
          }}
        >
          {t("list.filters.clear")}
        </Button>
      </div>
    </div>
  );
}
