"use client";

import { KeyRound, Languages, LogOut } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { setLocaleAction } from "@/lib/actions/set-locale";
import { signOutAction } from "@/lib/actions/sign-out";
import { isLocale } from "@/lib/i18n/config";
import { useFirstOpenFocus, type OpenedWith } from "./use-lazy-menu";
import { UserMenuButton, type UserMenuProps } from "./user-menu";

const LANGUAGE_NAMES = { "zh-CN": "简体中文", en: "English" } as const;

/** The user menu with its dropdown, loaded by UserMenu and opened at once. */
export default function UserMenuDropdown({
  user,
  role,
  openedWith,
}: UserMenuProps & { openedWith: OpenedWith }) {
  const t = useTranslations("header");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const contentRef = useFirstOpenFocus(openedWith);

  const changeLocale = (next: string) =>
    startTransition(async () => {
      if (!isLocale(next)) return;
      await setLocaleAction(next);
      router.refresh();
    });

  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <UserMenuButton name={user.name} disabled={pending} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60" ref={contentRef}>
        <DropdownMenuLabel className="font-normal">
          <div className="text-sm font-medium">{user.name}</div>
          <div className="truncate text-xs text-muted-foreground">{user.email}</div>
          <div className="mt-1 text-xs text-muted-foreground">{t(`role.${role}`)}</div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuLabel className="flex items-center gap-2 text-xs text-muted-foreground">
          <Languages className="size-3.5" aria-hidden />
          {t("language")}
        </DropdownMenuLabel>
        <DropdownMenuRadioGroup value={locale} onValueChange={changeLocale}>
          {Object.entries(LANGUAGE_NAMES).map(([value, name]) => (
            <DropdownMenuRadioItem key={value} value={value}>
              {name}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account/password">
            <KeyRound className="size-4" aria-hidden />
            {t("changePassword")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => startTransition(() => signOutAction())}>
          <LogOut className="size-4" aria-hidden />
          {t("signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
