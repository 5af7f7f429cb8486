"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils/cn";
import { activeNavKey, NAV_ITEMS } from "./nav-items";

interface Props {
  role: Role;
  className: string;
  linkClassName: string;
  activeClassName: string;
  inactiveClassName?: string;
}

/** The main navigation's links; the sidebar and the narrow-screen tab row style them. */
export function NavLinks({
  role,
  className,
  linkClassName,
  activeClassName,
  inactiveClassName,
}: Props) {
  const t = useTranslations("nav");
  const active = activeNavKey(usePathname());
  return (
    <nav aria-label={t("primary")} className={className}>
      {NAV_ITEMS.filter((item) => item.shownTo?.(role) ?? true).map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={active === item.key ? "page" : undefined}
          className={cn(linkClassName, active === item.key ? activeClassName : inactiveClassName)}
        >
          <item.icon className="size-4" aria-hidden />
          {t(item.key)}
        </Link>
      ))}
    </nav>
  );
}
