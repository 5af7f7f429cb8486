import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/account/auth-card";
import { ClientMessages } from "@/components/providers/client-messages";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/actions/sign-out";
import { getSessionUser } from "@/lib/auth/tenant-context";
import { LoginForm } from "./_components/login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("submit") };
}

export default async function LoginPage() {
  // A session that ended (signed out elsewhere, a copied cookie) counts as none.
  const user = await getSessionUser();
  if (user?.mustChangePassword) redirect("/change-password");
  if (user?.hasTenant) redirect("/meetings");
  // Signed in, yet no tenant to show (no membership, or disabled): say so, not a silent loop.
  const t = await getTranslations();
  return (
    <AuthCard title={t("login.title")} description={t("login.description")}>
      {user ? (
        <div className="space-y-4" data-testid="no-tenant">
          <p className="font-medium">{t("login.noTenant.title")}</p>
          <p className="text-sm text-muted-foreground">
            {t("login.noTenant.description", { email: user.email })}
          </p>
          <form action={signOutAction}>
            <Button type="submit" variant="outline" className="w-full">
              {t("login.noTenant.signOut")}
            </Button>
          </form>
        </div>
      ) : (
        <ClientMessages namespaces={["login", "security.signIn"]}>
          <LoginForm />
        </ClientMessages>
      )}
    </AuthCard>
  );
}
