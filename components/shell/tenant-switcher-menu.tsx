"use client";

import { Check } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { switchTenantAction } from "@/lib/actions/switch-tenant";
import { TenantSwitcherButton, type TenantSwitcherProps } from "./tenant-switcher";
import { useFirstOpenFocus, type OpenedWith } from "./use-lazy-menu";

/** The switcher with its menu, loaded by TenantSwitcher and opened at once. */
export default function TenantSwitcherMenu({
  current,
  memberships,
  openedWith,
}: TenantSwitcherProps & { openedWith: OpenedWith }) {
  const t = useTranslations("header");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const contentRef = useFirstOpenFocus(openedWith);

  const choose = (tenantId: string) =>
    startTransition(async () => {
      const result = await switchTenantAction(tenantId);
      if (result.ok) router.push("/meetings");
    });

  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <TenantSwitcherButton name={current.name} disabled={pending} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64" ref={contentRef}>
        <DropdownMenuLabel>{t("switchTenant")}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {memberships.map((m) => (
          <DropdownMenuItem key={m.tenantId} onSelect={() => choose(m.tenantId)}>
            <span className="flex-1 truncate">{m.tenantName}</span>
            <span className="text-xs text-muted-foreground">{t(`role.${m.role}`)}</span>
            {m.tenantId === current.id && <Check className="size-4" aria-hidden />}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
