import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/account/auth-card";
import { ClientMessages } from "@/components/providers/client-messages";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { db } from "@/lib/db/client";
import { readInvite } from "@/lib/users/invites";
import { InviteForm } from "./_components/invite-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.invite");
  // The token is in the path: no Referer carries it anywhere.
  return { title: t("title"), referrer: "no-referrer" };
}

/** An invite link, opened by anyone who holds it: no session needed (auth-config.ts). */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, invite] = await Promise.all([
    getTranslations("account.invite"),
    token.length <= 128 ? readInvite(db, token) : { status: "invalid" as const },
  ]);

  if (invite.status !== "valid") {
    return (
      <AuthCard title={t("title")}>
        <div className="grid gap-4">
          <Alert variant="destructive" data-testid="invite-unavailable">
            <AlertTitle>{t("unavailable")}</AlertTitle>
            <AlertDescription>{t(`status.${invite.status}`)}</AlertDescription>
          </Alert>
          <Button asChild variant="outline">
            <Link href="/login">{t("toLogin")}</Link>
          </Button>
        </div>
      </AuthCard>
    );
  }
  const names = { tenant: invite.tenantName ?? "", email: invite.email ?? "" };
  return (
    <AuthCard
      title={t("title")}
      description={t(invite.existingUser ? "existingDescription" : "description", names)}
    >
      <ClientMessages namespaces={["account"]}>
        <InviteForm token={token} existingUser={invite.existingUser ?? false} />
      </ClientMessages>
    </AuthCard>
  );
}
