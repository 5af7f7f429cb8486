"use client";

import { useTranslations } from "next-intl";
import { ROLES, roleSummary, type Role } from "@/lib/auth/permissions";

/**
 * One line per role saying what it may do, read from the role → permission map itself
 * (roleSummary), so the words follow the rules the server checks. The chosen role stands out.
 */
export function RoleAbilities({ id, chosen }: { id: string; chosen: Role }) {
  const t = useTranslations("usersAdmin.add.roleAbilities");
  const tRole = useTranslations("header.role");
  return (
    <div id={id} className="grid gap-1 text-sm text-muted-foreground">
      <p id={`${id}-heading`}>{t("heading")}</p>
      <ul aria-labelledby={`${id}-heading`} className="grid gap-1">
        {ROLES.map((role) => {
          const { includes, adds } = roleSummary(role);
          const abilities = adds.map((p) => t(`permissions.${p}`)).join(t("separator"));
          return (
            <li
              key={role}
              aria-current={role === chosen ? "true" : undefined}
              className="aria-[current=true]:font-medium aria-[current=true]:text-foreground"
            >
              {includes
                ? t("lineIncludes", { role: tRole(role), base: tRole(includes), abilities })
                : t("line", { role: tRole(role), abilities })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
