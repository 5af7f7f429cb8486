// How an event of the users page reads in its history: one sentence naming the person
// (the diff keeps their name and email, so it reads after they are removed), the role
// and how they were added; never a password.
import { getTranslations } from "next-intl/server";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { AuditEntry } from "@/lib/audit/load-history";

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

export async function usersEventText(): Promise<(entry: AuditEntry) => string> {
  const [t, tRole] = await Promise.all([
    getTranslations("usersAdmin.history"),
    getTranslations("header.role"),
  ]);
  return ({ action, diff: raw }) => {
    const diff = raw as Diff;
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
    const keys =
      typeof diff.keysRevoked === "number" && diff.keysRevoked > 0
        ? t("keysRevoked", { count: diff.keysRevoked })
        : "";
    return `${text}${diff.signedOut === true ? t("signedOut") : ""}${keys}`;
  };
}
