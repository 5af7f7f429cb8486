"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";
import { activeNavKey, NAV_ITEMS } from "./nav-items";

export function AppSidebar() {
  const t = useTranslations();
  const active = activeNavKey(usePathname());
  return (
    <aside className="hidden w-56 shrink-0 flex-col border-r bg-sidebar text-sidebar-foreground md:flex">
      <div className="flex h-14 items-center gap-2 border-b px-5">
        <span className="flex size-7 items-center justify-center rounded-md bg-primary text-sm font-bold text-primary-foreground">
          M
        </span>
        <div className="leading-tight">
          <div className="text-sm font-semibold">{t("common.appName")}</div>
          <div className="text-[11px] text-muted-foreground">{t("common.tagline")}</div>
        </div>
      </div>
      <nav aria-label={t("nav.primary")} className="flex flex-col gap-1 p-3">
        {NAV_ITEMS.map((item) => (
          <Link
            key={item.key}
            href={item.href}
            aria-current={active === item.key ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground",
              active === item.key && "bg-sidebar-accent font-medium text-sidebar-accent-foreground",
            )}
          >
            <item.icon className="size-4" aria-hidden />
            {t(`nav.${item.key}`)}
          </Link>
        ))}
      </nav>
    </aside>
  );
}
