"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { changeRoleAction } from "@/lib/actions/change-role";
import { removeMemberAction } from "@/lib/actions/remove-member";
import { setMemberDisabledAction } from "@/lib/actions/set-member-disabled";
import { can, ROLES, type Role } from "@/lib/auth/permissions";
import { ConfirmDialog, type ConfirmRequest } from "@/components/dialogs/confirm-dialog";

export interface MemberRow {
  userId: string;
  name: string;
  role: Role;
  disabled: boolean;
}

/** A member's role, disable/enable and remove: each asks for confirmation first. */
export function MemberActions({ member }: { member: MemberRow }) {
  const t = useTranslations("usersAdmin");
  const tRole = useTranslations("header.role");
  const router = useRouter();
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const { userId, name } = member;

  const done = (result: { ok: true } | { ok: false; message: string }) => {
    if (!result.ok) return result.message;
    router.refresh();
    return null;
  };

  const askRole = (role: Role) =>
    setRequest({
      title: t("confirm.roleTitle", { name }),
      // Below admin their API keys go (lib/api-keys/revoke-creator-keys.ts): say so first.
      description:
        t("confirm.roleDescription", { from: tRole(member.role), to: tRole(role) }) +
        (can(member.role, "settings:api") && !can(role, "settings:api")
          ? t("confirm.keysRevoked")
          : ""),
      run: async () => done(await changeRoleAction({ userId, role })),
    });
  const askDisabled = (disabled: boolean) =>
    setRequest({
      title: t(disabled ? "confirm.disableTitle" : "confirm.enableTitle", { name }),
      description: disabled
        ? t("confirm.disableDescription") + t("confirm.keysRevoked")
        : t("confirm.enableDescription"),
      destructive: disabled,
      run: async () => done(await setMemberDisabledAction({ userId, disabled })),
    });
  const askRemove = () =>
    setRequest({
      title: t("confirm.removeTitle", { name }),
      description: t("confirm.removeDescription") + t("confirm.keysRevoked"),
      destructive: true,
      run: async () => done(await removeMemberAction({ userId })),
    });

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {/* The select shows the saved role: a choice only opens the confirmation. */}
      <NativeSelect
        aria-label={t("members.roleOf", { name })}
        className="h-8 w-28"
        value={member.role}
        onChange={(e) => askRole(e.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tRole(r)}
          </option>
        ))}
      </NativeSelect>
      <Button variant="outline" size="sm" onClick={() => askDisabled(!member.disabled)}>
        {member.disabled ? t("members.enable") : t("members.disable")}
      </Button>
      <Button variant="outline" size="sm" onClick={askRemove}>
        {t("members.remove")}
      </Button>
      <ConfirmDialog request={request} onClose={() => setRequest(null)} />
    </div>
  );
}
