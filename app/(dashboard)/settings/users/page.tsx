import { getFormatter, getTranslations } from "next-intl/server";
import { AuditHistory } from "@/components/audit/audit-history";
import { ClientMessages } from "@/components/providers/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { TableCard } from "@/components/shell/table-card";
import { Badge } from "@/components/ui/badge";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { loadAuditHistory } from "@/lib/audit/load-history";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { pageTitle } from "@/lib/i18n/page-title";
import { INVITE_DAYS, inviteStatus } from "@/lib/users/invites";
import { AddUserDialog } from "./_components/add-user-dialog";
import { MemberActions } from "./_components/member-actions";
import { RevokeInviteButton } from "./_components/revoke-invite-button";
import { usersEventText } from "./_components/users-event-text";

export const generateMetadata = pageTitle("settings.users");

export default async function UsersPage() {
  const ctx = await requireTenantContext();
  if (!ctx.can("settings:users")) return <Forbidden permission="settings:users" role={ctx.role} />;
  const [t, tUsers, tRole, format, members, invites, history, describe] = await Promise.all([
    getTranslations("usersAdmin"),
    getTranslations("settings.users"),
    getTranslations("header.role"),
    getFormatter(),
    ctx.db.membership.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        disabled: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            username: true,
            disabled: true,
            mustChangePassword: true,
            lastLoginAt: true,
          },
        },
      },
    }),
    ctx.db.invite.findMany({
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        expiresAt: true,
        usedAt: true,
        revokedAt: true,
      },
    }),
    loadAuditHistory(ctx.db, { objectTypes: ["user", "membership"] }),
    usersEventText(),
  ]);
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.tenant.timeZone });

  return (
    <ClientMessages namespaces={["usersAdmin", "header.role", "dialogs", "unsavedChanges"]}>
      <PageHeader
        title={tUsers("title")}
        description={tUsers("description")}
        actions={<AddUserDialog inviteDays={INVITE_DAYS} />}
      />
      <section className="grid gap-3" aria-labelledby="members-title">
        <h2 id="members-title" className="text-lg font-semibold">
          {t("members.title")}
        </h2>
        <TableCard testId="members">
          <TableHeader>
            <TableRow>
              <TableHead>{t("members.columns.name")}</TableHead>
              <TableHead>{t("members.columns.email")}</TableHead>
              <TableHead>{t("members.columns.role")}</TableHead>
              <TableHead>{t("members.columns.status")}</TableHead>
              <TableHead>{t("members.columns.lastLogin")}</TableHead>
              <TableHead className="text-right">{t("members.columns.actions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map(({ user, role, disabled }) => (
              <TableRow key={user.id} data-testid={`member-${user.email}`}>
                <TableCell className="font-medium">
                  {user.name}
                  {user.id === ctx.user.id ? (
                    <span className="ml-1 text-xs text-muted-foreground">({t("members.you")})</span>
                  ) : null}
                </TableCell>
                <TableCell>
                  <div>{user.email}</div>
                  {user.username ? (
                    <div className="text-xs text-muted-foreground">{user.username}</div>
                  ) : null}
                </TableCell>
                <TableCell>
                  <Badge variant="secondary" data-testid="member-role">
                    {tRole(role)}
                  </Badge>
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {disabled ? (
                      <Badge variant="destructive">{t("members.disabled")}</Badge>
                    ) : (
                      <Badge variant="success">{t("members.active")}</Badge>
                    )}
                    {user.disabled ? (
                      <Badge variant="outline">{t("members.accountDisabled")}</Badge>
                    ) : null}
                    {user.mustChangePassword ? (
                      <Badge variant="warning">{t("members.mustChange")}</Badge>
                    ) : null}
                  </div>
                </TableCell>
                <TableCell>
                  {user.lastLoginAt ? when(user.lastLoginAt) : t("members.never")}
                </TableCell>
                <TableCell>
                  <MemberActions member={{ userId: user.id, name: user.name, role, disabled }} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableCard>
      </section>

      {invites.length > 0 ? (
        <section className="mt-8 grid gap-3" aria-labelledby="invites-title">
          <h2 id="invites-title" className="text-lg font-semibold">
            {t("invites.title")}
          </h2>
          <TableCard testId="invites">
            <TableHeader>
              <TableRow>
                <TableHead>{t("invites.columns.email")}</TableHead>
                <TableHead>{t("invites.columns.name")}</TableHead>
                <TableHead>{t("invites.columns.role")}</TableHead>
                <TableHead>{t("invites.columns.status")}</TableHead>
                <TableHead>{t("invites.columns.expires")}</TableHead>
                <TableHead className="text-right">{t("invites.columns.actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invites.map((invite) => {
                const status = inviteStatus(invite);
                return (
                  <TableRow key={invite.id} data-testid={`invite-${invite.email}`}>
                    <TableCell>{invite.email}</TableCell>
                    <TableCell>{invite.name}</TableCell>
                    <TableCell>{tRole(invite.role)}</TableCell>
                    <TableCell>
                      <Badge variant={status === "valid" ? "warning" : "outline"}>
                        {t(`invites.status.${status}`)}
                      </Badge>
                    </TableCell>
                    <TableCell>{when(invite.expiresAt)}</TableCell>
                    <TableCell className="text-right">
                      {status === "valid" ? (
                        <RevokeInviteButton inviteId={invite.id} email={invite.email} />
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </TableCard>
        </section>
      ) : null}

      <AuditHistory
        entries={history}
        timeZone={ctx.tenant.timeZone}
        messages="usersAdmin.history"
        testId="users-history"
        describe={describe}
        diff={{ fields: [] }}
      />
    </ClientMessages>
  );
}
