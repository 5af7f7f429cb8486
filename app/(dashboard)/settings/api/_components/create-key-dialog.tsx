"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldError } from "react-hook-form";
import { CopyField } from "@/components/dialogs/copy-field";
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
import { createApiKeyAction } from "@/lib/actions/create-api-key";
import { translateMsg } from "@/lib/i18n/translate-msg";
import {
  API_KEY_NAME_MAX,
  API_KEY_ROLES,
  createApiKeySchema,
  type CreateApiKeyInput,
  type CreateApiKeyValues,
} from "@/lib/schemas/api-key";

const EMPTY: CreateApiKeyInput = { name: "", role: "booker" };

/** "Create key": name and role, then the key, shown this once; closing forgets it. */
export function CreateKeyDialog() {
  const t = useTranslations("apiKeys");
  const tRole = useTranslations("header.role");
  const tErr = useTranslations("apiKeys.errors");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const form = useForm<CreateApiKeyInput, unknown, CreateApiKeyValues>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: EMPTY,
  });
  const { errors, isSubmitting } = form.formState;
  // The resolver's messages are keys; the action's (type "server") arrive translated.
  const message = (e: FieldError | undefined) =>
    !e?.message
      ? undefined
      : e.type === "server"
        ? e.message
        : translateMsg(tErr as never, e.message);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setCreated(null);
      form.reset(EMPTY);
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    let result: Awaited<ReturnType<typeof createApiKeyAction>>;
    try {
      result = await createApiKeyAction(values);
    } catch {
      form.setError("root.serverError", { message: tErr("network") });
      return;
    }
    if (result.ok) {
      setCreated({ name: result.name, key: result.key });
      router.refresh();
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors))
      form.setError(field as keyof CreateApiKeyInput, { type: "server", message: text });
    if (result.formError) form.setError("root.serverError", { message: result.formError });
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden />
          {t("create.button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg" data-testid="create-api-key-dialog">
        {created ? (
          <div className="grid gap-4" data-testid="api-key-created">
            <DialogHeader>
              <DialogTitle>{t("create.createdTitle", { name: created.name })}</DialogTitle>
            </DialogHeader>
            <Alert>
              <TriangleAlert aria-hidden />
              <AlertDescription>{t("create.warning")}</AlertDescription>
            </Alert>
            <CopyField id="new-api-key" label={t("create.key")} value={created.key} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>{t("create.done")}</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("create.title")}</DialogTitle>
              <DialogDescription>{t("create.description")}</DialogDescription>
            </DialogHeader>
            <FormField
              id="api-key-name"
              label={t("create.name")}
              description={t("create.nameHint")}
              error={message(errors.name)}
            >
              <Input
                autoComplete="off"
                maxLength={API_KEY_NAME_MAX * 2}
                {...form.register("name")}
              />
            </FormField>
            <FormField id="api-key-role" label={t("create.role")} error={message(errors.role)}>
              <NativeSelect {...form.register("role")}>
                {API_KEY_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {tRole(r)}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            {errors.root?.serverError ? (
              <p
                aria-live="polite"
                data-testid="create-api-key-error"
                className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive"
              >
                {errors.root.serverError.message}
              </p>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                {t("create.cancel")}
              </Button>
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? t("create.submitting") : t("create.submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
