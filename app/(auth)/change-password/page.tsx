import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/account/auth-card";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ClientMessages } from "@/components/providers/client-messages";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/actions/sign-out";
import { getSessionUser } from "@/lib/auth/tenant-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.forced");
  return { title: t("title") };
}

/**
 * Where a person signed in with an initial password is held until they choose their own:
 * every dashboard page sends them here (requireTenantContext), every action refuses.
 */
export default async function ChangeInitialPasswordPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (!user.mustChangePassword) redirect("/account/password");
  const t = await getTranslations("account.forced");
  return (
    <AuthCard title={t("title")} description={t("description")}>
      <div className="grid gap-4">
        <p className="text-sm text-muted-foreground" data-testid="signed-in-as">
          {user.name} · {user.email}
        </p>
        <ClientMessages namespaces={["account"]}>
          <ChangePasswordForm />
        </ClientMessages>
        <form action={signOutAction}>
          <Button type="submit" variant="ghost" className="w-full">
            {t("signOut")}
          </Button>
        </form>
      </div>
    </AuthCard>
  );
}
