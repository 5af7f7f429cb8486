"use client";

import { Building2, ChevronsUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, Suspense, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/permissions";
import { useLazyMenu } from "./use-lazy-menu";

export interface TenantSwitcherProps {
  current: { id: string; name: string };
  memberships: { tenantId: string; tenantName: string; role: Role }[];
}

const loadMenu = () => import("./tenant-switcher-menu");
const TenantSwitcherMenu = lazy(loadMenu);

/** The tenant switcher's button; its menu loads when the user reaches for it. */
export function TenantSwitcher(props: TenantSwitcherProps) {
  const { openedWith, triggerProps } = useLazyMenu(loadMenu);
  const trigger = <TenantSwitcherButton name={props.current.name} {...triggerProps} />;
  if (!openedWith) return trigger;
  return (
    <Suspense fallback={trigger}>
      <TenantSwitcherMenu {...props} openedWith={openedWith} />
    </Suspense>
  );
}

export function TenantSwitcherButton({
  name,
  ...props
}: { name: string } & ComponentProps<typeof Button>) {
  const t = useTranslations("header");
  return (
    <Button variant="outline" size="sm" className="max-w-64 gap-2" {...props}>
      {/* The accessible name is the visible tenant name after what the button does. */}
      <span className="sr-only">{t("switchTenantPrefix")}</span>
      <Building2 className="size-4" aria-hidden />
      <span className="truncate" data-testid="current-tenant">
        {name}
      </span>
      <ChevronsUpDown className="size-3.5 opacity-60" aria-hidden />
    </Button>
  );
}
