"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import {
  DEFAULT_ACCOUNT_FILTERS,
  VERIFY_FILTERS,
  type AccountFilters,
} from "@/lib/schemas/account-filters";
import { useAccountFiltersUrl } from "./use-account-filters-url";

export function AccountFiltersBar({ filters }: { filters: AccountFilters }) {
  const t = useTranslations("accountsAdmin.filters");
  const { apply } = useAccountFiltersUrl(filters);
  const [q, setQ] = useState(filters.q ?? "");
  const verifyLabel = (v: AccountFilters["verify"]) => (v === "" ? t("verifyAny") : t(v));

  return (
    <div
      className="flex flex-wrap items-center gap-3 rounded-lg border bg-background p-3"
      data-testid="account-filters"
    >
      <form
        role="search"
        className="flex items-center gap-2 max-sm:w-full"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ q: q.trim() || undefined });
        }}
      >
        <Input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onBlur={() => {
            if ((filters.q ?? "") !== q.trim()) apply({ q: q.trim() || undefined });
          }}
          placeholder={t("search")}
          aria-label={t("search")}
          className="w-full sm:w-72"
        />
      </form>
      <label className="flex items-center gap-2 text-sm">
        <span className="text-muted-foreground">{t("state")}</span>
        <NativeSelect
          aria-label={t("state")}
          value={filters.state}
          onChange={(e) => apply({ state: e.target.value as AccountFilters["state"] })}
          className="w-28"
        >
          <option value="all">{t("stateAll")}</option>
          <option value="active">{t("stateActive")}</option>
          <option value="inactive">{t("stateInactive")}</option>
        </NativeSelect>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <span className="text-muted-foreground">{t("verify")}</span>
        <NativeSelect
          aria-label={t("verify")}
          value={filters.verify}
          onChange={(e) => apply({ verify: e.target.value as AccountFilters["verify"] })}
          className="w-56"
        >
          {VERIFY_FILTERS.map((v) => (
            <option key={v} value={v}>
              {verifyLabel(v)}
            </option>
          ))}
        </NativeSelect>
      </label>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        onClick={() => {
          setQ("");
          apply({ ...DEFAULT_ACCOUNT_FILTERS, size: filters.size });
        }}
      >
        {t("clear")}
      </Button>
    </div>
  );
}
