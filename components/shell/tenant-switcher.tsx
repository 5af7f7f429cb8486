"use client";

import { Building2, Check, ChevronsUpDown } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { switchTenantAction } from "@/lib/actions/switch-tenant";
import type { Role } from "@/lib/auth/permissions";

interface Props {
  current: { id: string; name: string };
  memberships: { tenantId: string; tenantName: string; role: Role }[];
}

export function TenantSwitcher({ current, memberships }: Props) {
  const t = useTranslations("header");
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (tenantId: string) =>
    startTransition(async () => {
      const result = await switchTenantAction(tenantId);
      if (result.ok) router.push("/meetings");
    });

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          aria-label={t("switchTenant")}
          disabled={pending}
          className="max-w-64 gap-2"
        >
          <Building2 className="size-4" aria-hidden />
          <span className="truncate" data-testid="current-tenant">
            {current.name}
          </span>
          <ChevronsUpDown className="size-3.5 opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
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
