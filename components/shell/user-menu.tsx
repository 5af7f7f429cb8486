"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/permissions";
import { useLazyMenu } from "./use-lazy-menu";

export interface UserMenuProps {
  user: { name: string; email: string };
  role: Role;
}

const loadMenu = () => import("./user-menu-dropdown");
const UserMenuDropdown = lazy(loadMenu);

/** The user menu's button; the menu (language, sign-out) loads when the user reaches for it. */
export function UserMenu(props: UserMenuProps) {
  const { openedWith, triggerProps } = useLazyMenu(loadMenu);
  const trigger = <UserMenuButton name={props.user.name} {...triggerProps} />;
  if (!openedWith) return trigger;
  return (
    <Suspense fallback={trigger}>
      <UserMenuDropdown {...props} openedWith={openedWith} />
    </Suspense>
  );
}

export function UserMenuButton({
  name,
  ...props
}: { name: string } & ComponentProps<typeof Button>) {
  const t = useTranslations("header");
  return (
    // The name comes from the content (WCAG 2.5.3: the visible name is part of it).
    <Button variant="ghost" size="sm" className="gap-2" {...props}>
      <span className="sr-only">{t("userMenuPrefix")}</span>
      <span
        aria-hidden
        className="flex size-7 items-center justify-center rounded-full bg-primary/10 text-xs font-semibold text-primary"
      >
        {name.slice(0, 1).toUpperCase()}
      </span>
      <span className="sr-only text-sm sm:not-sr-only" data-testid="signed-in-user">
        {name}
      </span>
    </Button>
  );
}
