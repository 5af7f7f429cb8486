import { getFormatter, getTranslations } from "next-intl/server";
import { TableCard } from "@/components/shell/table-card";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant-context";

const SHOWN = 50;
const KNOWN = new Set([
  "membership.added",
  "membership.role_changed",
  "membership.disabled",
  "membership.enabled",
  "membership.removed",
  "invite.created",
  "invite.revoked",
  "invite.accepted",
  "user.password_changed",
]);
const VIA = new Set(["password", "invite", "existing"]);

type Diff = Record<string, unknown> & { role?: unknown };
const isRole = (v: unknown): v is Role => typeof v === "string" && ROLES.includes(v as Role);

/** 变更记录: the tenant's latest changes to its users and roles, newest first. */
export async function UsersHistory({ ctx }: { ctx: TenantContext }) {
  const [t, tRole, format, events] = await Promise.all([
    getTranslations("usersAdmin.history"),
    getTranslations("header.role"),
    getFormatter(),
    ctx.db.auditEvent.findMany({
      where: { objectType: { in: ["user", "membership"] } },
      orderBy: { createdAt: "desc" },
      take: SHOWN,
      select: {
        id: true,
        action: true,
        diff: true,
        createdAt: true,
        actor: { select: { name: true } },
      },
    }),
  ]);

  const describe = (action: string, raw: unknown) => {
    const diff = (raw && typeof raw === "object" ? raw : {}) as Diff;
    const name = typeof diff.name === "string" ? diff.name : "";
    const email = typeof diff.email === "string" ? diff.email : "";
    const target = name && email ? `${name} (${email})` : name || email || "—";
    const change = diff.role && typeof diff.role === "object" ? (diff.role as Diff) : undefined;
    const role = isRole(diff.role) ? tRole(diff.role) : isRole(change?.to) ? tRole(change.to) : "—";
    const from = isRole(change?.from) ? tRole(change.from) : "—";
    const via =
      typeof diff.via === "string" && VIA.has(diff.via) ? t(`via.${diff.via as "password"}`) : "—";
    const text = KNOWN.has(action)
      ? t(`actions.${action.replace(".", "_") as "membership_added"}`, {
          target,
          role,
          from,
          to: role,
          via,
        })
      : t("actions.other", { action, target });
    return diff.signedOut === true ? `${text}${t("signedOut")}` : text;
  };

  return (
    <section className="mt-8 grid gap-3" aria-labelledby="history-title">
      <div>
        <h2 id="history-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description", { count: SHOWN })}</p>
      </div>
      {events.length === 0 ? (
        <p className="rounded-lg border bg-background p-6 text-center text-sm text-muted-foreground">
          {t("empty")}
        </p>
      ) : (
        <TableCard testId="users-history">
          <TableHeader>
            <TableRow>
              <TableHead className="w-44">{t("columns.time")}</TableHead>
              <TableHead className="w-32">{t("columns.actor")}</TableHead>
              <TableHead>{t("columns.change")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="text-muted-foreground">
                  {format.dateTime(e.createdAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: ctx.tenant.timeZone,
                  })}
                </TableCell>
                <TableCell>{e.actor?.name ?? t("system")}</TableCell>
                <TableCell>{describe(e.action, e.diff)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableCard>
      )}
    </section>
  );
}
