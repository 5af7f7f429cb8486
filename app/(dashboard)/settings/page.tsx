import { Blocks, Building2, ChevronRight, Contact, KeyRound, Users } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { Forbidden } from "@/components/shell/forbidden";
import { canOpenSettings, type Permission } from "@/lib/auth/permissions";

export const generateMetadata = pageTitle("settings");

const SECTIONS = [
  { href: "/settings/apps", key: "apps", icon: Blocks, permission: "settings:apps" },
  { href: "/settings/accounts", key: "accounts", icon: Contact, permission: "settings:accounts" },
  { href: "/settings/users", key: "users", icon: Users, permission: "settings:users" },
  { href: "/settings/api", key: "api", icon: KeyRound, permission: "settings:api" },
] as const satisfies { href: string; key: string; icon: unknown; permission: Permission }[];

export default async function SettingsPage() {
  const ctx = await requireTenantContext();
  if (!canOpenSettings(ctx.role)) return <Forbidden permission="settings:apps" role={ctx.role} />;
  const [t, tTenant] = await Promise.all([
    getTranslations("settings"),
    getTranslations("tenantSettings"),
  ]);
  const sections = [
    ...SECTIONS.map((s) => ({
      ...s,
      title: t(`${s.key}.title`),
      description: t(`${s.key}.description`),
    })),
    {
      href: "/settings/tenant",
      key: "tenant",
      icon: Building2,
      permission: "settings:tenant" as const,
      title: tTenant("title"),
      description: tTenant("description"),
    },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 md:grid-cols-3">
        {sections
          .filter((s) => ctx.can(s.permission))
          .map((s) => (
            <Link key={s.key} href={s.href} className="group">
              <Card className="h-full transition-colors group-hover:border-primary/50">
                <CardHeader>
                  <CardTitle className="flex items-center gap-2">
                    <s.icon className="size-4 text-primary" aria-hidden />
                    {s.title}
                    <ChevronRight className="ml-auto size-4 opacity-50" aria-hidden />
                  </CardTitle>
                  <CardDescription>{s.description}</CardDescription>
                </CardHeader>
              </Card>
            </Link>
          ))}
      </div>
    </>
  );
}
