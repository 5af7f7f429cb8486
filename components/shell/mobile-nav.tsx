"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";
import { activeNavKey, NAV_ITEMS } from "./nav-items";

/** On narrow screens the sidebar becomes a row of tabs under the header. */
export function MobileNav() {
  const t = useTranslations();
  const active = activeNavKey(usePathname());
  return (
    <nav
      aria-label={t("nav.primary")}
      className="flex gap-1 overflow-x-auto border-b bg-background px-3 py-2 md:hidden"
    >
      {NAV_ITEMS.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={active === item.key ? "page" : undefined}
          className={cn(
            "flex shrink-0 items-center gap-1.5 rounded-md px-3 py-1.5 text-sm",
            active === item.key ? "bg-accent font-medium" : "text-muted-foreground",
          )}
        >
          <item.icon className="size-4" aria-hidden />
          {t(`nav.${item.key}`)}
        </Link>
      ))}
    </nav>
  );
}
