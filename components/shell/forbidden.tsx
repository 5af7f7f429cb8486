import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { rolesWith, type Permission, type Role } from "@/lib/auth/permissions";

/**
 * Shown in place of a page the signed-in role may not open: what the person's role is,
 * and which roles may (so they know whom to ask).
 */
export async function Forbidden({ permission, role }: { permission: Permission; role: Role }) {
  const [t, tr] = await Promise.all([getTranslations("errors"), getTranslations("header.role")]);
  return (
    <EmptyState
      icon={<ShieldAlert />}
      title={t("forbidden")}
      description={t("forbiddenWho", {
        role: tr(role),
        allowed: rolesWith(permission)
          .map((r) => tr(r))
          .join(t("roleSeparator")),
      })}
      action={
        <Button asChild variant="outline">
          <Link href="/meetings">{t("back")}</Link>
        </Button>
      }
    />
  );
}
