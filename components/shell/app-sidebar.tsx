"use client";

import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/permissions";
import { NavLinks } from "./nav-links";

export function AppSidebar({ role }: { role: Role }) {
  const t = useTranslations("common");
  return (
    <aside className="hidden w-56 shrink-0 flex-col border-r bg-sidebar text-sidebar-foreground md:flex">
      <div className="flex h-14 items-center gap-2 border-b px-5">
        <span className="flex size-7 items-center justify-center rounded-md bg-primary text-sm font-bold text-primary-foreground">
          M
        </span>
        <div className="leading-tight">
          <div className="text-sm font-semibold">{t("appName")}</div>
          <div className="text-[11px] text-muted-foreground">{t("tagline")}</div>
        </div>
      </div>
      <NavLinks
        role={role}
        className="flex flex-col gap-1 p-3"
        linkClassName="flex items-center gap-3 rounded-md px-3 py-2 text-sm transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground"
        activeClassName="bg-sidebar-accent font-medium text-sidebar-accent-foreground"
      />
    </aside>
  );
}
