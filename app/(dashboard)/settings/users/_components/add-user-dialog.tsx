"use client";

import { UserPlus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { CopyField } from "@/components/dialogs/copy-field";
import { DialogFormFooter } from "@/components/dialogs/dialog-form-footer";
import { useDialogForm } from "@/components/dialogs/use-dialog-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { addUserAction, type AddUserActionResult } from "@/lib/actions/add-user";
import { ROLES } from "@/lib/auth/permissions";
import { translateMsg } from "@/lib/i18n/translate-msg";
import type { AddUserInput } from "@/lib/schemas/users";
import { RoleAbilities } from "./role-abilities";

type Added = Extract<AddUserActionResult, { ok: true }>;
const FIELDS = ["email", "username", "name", "role", "method"] as const;
const EMPTY: AddUserInput = {
  email: "",
  username: "",
  name: "",
  role: "viewer",
  method: "password",
};

/** "Add user": the form, then what was made, shown once (password, link, or membership). */
export function AddUserDialog({ inviteDays }: { inviteDays: number }) {
  const t = useTranslations("usersAdmin");
  const tRole = useTranslations("header.role");
  const tErr = useTranslations("usersAdmin.errors");
  const { form, open, done, message, onOpenChange, onSubmit, discardPrompt } = useDialogForm({
    loadSchema: () => import("@/lib/schemas/users").then((m) => m.addUserSchema),
    empty: EMPTY,
    fields: FIELDS,
    translate: (m) => translateMsg(tErr as never, m),
    action: addUserAction,
  });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus className="size-4" aria-hidden />
          {t("add.button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg" data-testid="add-user-dialog">
        {done ? (
          <AddedView added={done} onDone={() => onOpenChange(false)} />
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("add.title")}</DialogTitle>
              <DialogDescription>{t("add.description")}</DialogDescription>
            </DialogHeader>
            <FormField id="add-email" label={t("add.email")} error={message(errors.email)}>
              <Input type="email" autoComplete="off" {...form.register("email")} />
            </FormField>
            <FormField id="add-name" label={t("add.name")} error={message(errors.name)}>
              <Input autoComplete="off" {...form.register("name")} />
            </FormField>
            <FormField
              id="add-username"
              label={t("add.username")}
              description={t("add.usernameHint")}
              error={message(errors.username)}
            >
              <Input autoComplete="off" {...form.register("username")} />
            </FormField>
            <FormField id="add-role" label={t("add.role")} error={message(errors.role)}>
              <NativeSelect {...form.register("role")}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {tRole(r)}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <RoleAbilities id="add-role-abilities" chosen={role} />
            <fieldset className="grid gap-2">
              <legend className="mb-2 text-sm font-medium">{t("add.method")}</legend>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  value="password"
                  className="mt-1"
                  {...form.register("method")}
                />
                {t("add.methodPassword")}
              </label>
              <label className="flex items-start gap-2 text-sm">
                <input type="radio" value="invite" className="mt-1" {...form.register("method")} />
                {t("add.methodInvite", { days: inviteDays })}
              </label>
            </fieldset>
            <p className="text-sm text-muted-foreground">{t("add.existingHint")}</p>
            <DialogFormFooter
              error={errors.root?.serverError?.message}
              errorTestId="add-user-error"
              submitting={isSubmitting}
              onCancel={() => onOpenChange(false)}
              labels={{
                cancel: t("add.cancel"),
                submit: t("add.submit"),
                submitting: t("add.submitting"),
              }}
            />
          </form>
        )}
        {discardPrompt}
      </DialogContent>
    </Dialog>
  );
}

function AddedView({ added, onDone }: { added: Added; onDone: () => void }) {
  const t = useTranslations("usersAdmin");
  const format = useFormatter();
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <div className="grid gap-4" data-testid="user-added">
      <DialogHeader>
        <DialogTitle>
          {added.kind === "password" ? t("add.passwordTitle") : t("add.inviteTitle")}
        </DialogTitle>
      </DialogHeader>
      {added.kind === "password" ? (
        <>
          <Alert>
            <AlertDescription>{t("add.passwordDescription")}</AlertDescription>
          </Alert>
          <CopyField id="initial-password" label={t("add.passwordLabel")} value={added.password} />
        </>
      ) : (
        <>
          <Alert>
            <AlertDescription>
              {t("add.inviteDescription", {
                expires: format.dateTime(new Date(added.expiresAt), {
                  dateStyle: "medium",
                  timeStyle: "short",
                }),
              })}
            </AlertDescription>
          </Alert>
          <CopyField
            id="invite-link"
            label={t("add.inviteLabel")}
            value={origin + added.invitePath}
          />
        </>
      )}
      <DialogFooter>
        <Button onClick={onDone}>{t("add.done")}</Button>
      </DialogFooter>
    </div>
  );
}
